package org.mentorbot.cli;

import java.io.PrintWriter;

/**
 * Commands stay small only if the JVM is told to: with no -Xmx, a 2-core machine with 24 GB lets the heap
 * grow to 6 GB of garbage between collections (an import of 100,000 messages then peaks at 1.7 GB, against
 * 0.7 GB with -Xmx512m and the same speed). Says so once, at start.
 */
final class HeapHint {

    private HeapHint() {
    }

    /** For the long-running commands, serve and run. */
    static void warnIfUnbounded(PrintWriter err, String command) {
        warn(err, Runtime.getRuntime().maxMemory(), 512, "a small, steady footprint", "-Xmx128m -XX:+UseSerialGC", command);
    }

    /** For import, which needs room for its indexing buffers but not gigabytes. */
    static void warnIfUnboundedImport(PrintWriter err) {
        warn(err, Runtime.getRuntime().maxMemory(), 1024, "a bounded footprint at the same speed", "-Xmx512m", "import");
    }

    static void warn(PrintWriter err, long max, long aboveMb, String goal, String flags, String command) {
        if (max <= aboveMb << 20) return;
        err.printf("mentorbot: note: the heap may grow to %d MB; for %s run java %s -jar mentorbot.jar %s%n",
                max >> 20, goal, flags, command);
        err.flush();
    }
}
