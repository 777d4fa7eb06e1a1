package org.mentorbot.archive;

import java.util.Locale;

/**
 * The outcome of an import.
 *
 * @param imported   messages added
 * @param duplicates messages already archived (from an earlier run, or twice in the inputs)
 * @param unreadable messages that could not be parsed
 */
public record ImportStats(long imported, long duplicates, long unreadable, double seconds, long indexBytes,
        boolean interrupted) {

    public double rate() {
        return (imported + duplicates) / Math.max(seconds, 1e-9);
    }

    /** "imported N messages (M already archived, K unreadable) in S s, R messages/s, index X MB" */
    public String summary() {
        return String.format(Locale.ROOT,
                "%s %d messages (%d already archived, %d unreadable) in %.1f s, %.0f messages/s, index %.1f MB",
                interrupted ? "interrupted: imported" : "imported", imported, duplicates, unreadable, seconds, rate(),
                indexBytes / 1e6);
    }
}
