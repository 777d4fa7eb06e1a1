package org.mentorbot.triage;

/** One reason for or against a decision: a named signal, its weight in log-odds, and what fired it. */
public record Evidence(String signal, double weight, String detail) {

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%+.1f %s (%s)", weight, signal, detail);
    }
}
