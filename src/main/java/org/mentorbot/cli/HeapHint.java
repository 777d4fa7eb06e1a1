package org.mentorbot.cli;

import java.io.PrintWriter;

/**
 * Long-running commands stay small only if the JVM is told to: with no -Xmx, a 2-core machine with 24 GB
 * lets the heap grow to 6 GB of garbage between collections. Says so once, at start.
 */
final class HeapHint {

    /** Above this the JVM was clearly not sized for a small daemon. */
    private static final long LARGE_HEAP = 512L << 20;

    private HeapHint() {
    }

    static void warnIfUnbounded(PrintWriter err, String command) {
        long max = Runtime.getRuntime().maxMemory();
        if (max <= LARGE_HEAP) return;
        err.printf("mentorbot: note: the heap may grow to %d MB; for a small, steady footprint run "
                + "java -Xmx128m -XX:+UseSerialGC -jar mentorbot.jar %s%n", max >> 20, command);
        err.flush();
    }
}
