package org.mentorbot.triage;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The thresholds an operator may tune, read from {@code config/triage.properties}.
 *
 * @param inquiryThreshold probability at or above which a message counts as an inquiry
 * @param threadThreshold  probability at or above which a message makes its thread an inquiry's thread, whose
 *                         asker's follow-ups count as asking again (at most the inquiry threshold)
 * @param ideaThreshold    routing confidence at or above which an inquiry is tied to a specific idea;
 *                         below it the bot abstains and calls it a general inquiry
 * @param alternatives     how many runners-up to report
 */
public record TriageSettings(double inquiryThreshold, double threadThreshold, double ideaThreshold, int alternatives) {

    public TriageSettings {
        threadThreshold = Math.min(threadThreshold, inquiryThreshold);
    }

    public static TriageSettings defaults() {
        return new TriageSettings(0.6, 0.5, 0.35, 3);
    }

    /** Reads the file; a missing key keeps its default, a bad value is an error naming file and key. */
    public static TriageSettings load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        }
        TriageSettings d = defaults();
        return new TriageSettings(
                probability(file, p, "inquiry.threshold", d.inquiryThreshold()),
                probability(file, p, "thread.threshold", d.threadThreshold()),
                probability(file, p, "idea.threshold", d.ideaThreshold()),
                (int) number(file, p, "alternatives", d.alternatives(), 0, 20));
    }

    private static double probability(Path file, Properties p, String key, double fallback) {
        return number(file, p, key, fallback, 0, 1);
    }

    private static double number(Path file, Properties p, String key, double fallback, double min, double max) {
        String value = p.getProperty(key);
        if (value == null) return fallback;
        try {
            double v = Double.parseDouble(value.trim());
            if (v < min || v > max) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ": " + key + " must be a number from " + min + " to " + max
                    + ", not '" + value.trim() + "'");
        }
    }
}
