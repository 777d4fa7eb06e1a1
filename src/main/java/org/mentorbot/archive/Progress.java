package org.mentorbot.archive;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Import progress on stderr: on a terminal one line redrawn in place, otherwise (a log, a pipe) a plain line
 * every ten seconds so that logs stay readable.
 */
public final class Progress {

    private final PrintStream out;
    private final boolean terminal;
    private final long intervalNanos;
    private final long start = System.nanoTime();
    private long last = start;
    private boolean drawn;

    Progress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
        this.intervalNanos = terminal ? 250_000_000L : 10_000_000_000L;
    }

    static Progress none() {
        return new Progress(null, false);
    }

    void update(long imported, long duplicates, long unreadable) {
        if (out == null) return;
        long now = System.nanoTime();
        if (now - last < intervalNanos) return;
        last = now;
        double seconds = (now - start) / 1e9;
        long seen = imported + duplicates + unreadable;
        String line = String.format(Locale.ROOT, "%,d messages: %,d imported, %,d already archived, %,d unreadable, %.0f messages/s",
                seen, imported, duplicates, unreadable, seen / Math.max(seconds, 1e-9));
        if (terminal) {
            out.print("\r" + bar(seconds) + " " + line + "\u001b[K");
            drawn = true;
        } else {
            out.println("import: " + line);
        }
        out.flush();
    }

    /** Ends the in-place line so the next output starts on its own. */
    void finish() {
        if (out != null && drawn) {
            out.print("\r\u001b[K");
            out.flush();
        }
    }

    /** The size of an mbox stream is unknown in advance, so the bar is a spinner of elapsed time. */
    private static String bar(double seconds) {
        int width = 10;
        int pos = (int) (seconds * 4) % (2 * width - 2);
        if (pos >= width) pos = 2 * width - 2 - pos;
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < width; i++) b.append(i == pos ? '#' : '.');
        return b.append(']').toString();
    }
}
