package org.mentorbot.cli;

import java.util.Arrays;

/** Timings in milliseconds and their order statistics (nearest rank: every figure is a time that was measured). */
final class Latencies {

    private final double[] sorted;

    Latencies(double[] millis) {
        if (millis.length == 0) throw new IllegalArgumentException("no timings");
        sorted = millis.clone();
        Arrays.sort(sorted);
    }

    int count() {
        return sorted.length;
    }

    /** The smallest timing that at least p percent of the timings do not exceed. */
    double percentile(double p) {
        if (p <= 0 || p > 100) throw new IllegalArgumentException("percentile " + p + " not in (0, 100]");
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(1, rank) - 1];
    }

    double median() {
        return percentile(50);
    }

    double max() {
        return sorted[sorted.length - 1];
    }
}
