package org.mentorbot.triage;

import java.util.ArrayList;
import java.util.List;

/**
 * Decisions held against labels: inquiry precision and recall, top-1 routing of inquiries about a listed
 * idea, and every miss in words.
 */
public final class Evaluation {

    /** The counts, and the figures derived from them. */
    public record Score(int tp, int fp, int fn, int tn, int routed, int routedRight, int general, int generalRight) {
        public double precision() { return tp + fp == 0 ? 1 : (double) tp / (tp + fp); }
        public double recall() { return tp + fn == 0 ? 1 : (double) tp / (tp + fn); }
        public double f1() { return precision() + recall() == 0 ? 0 : 2 * precision() * recall() / (precision() + recall()); }
        public double routing() { return routed == 0 ? 1 : (double) routedRight / routed; }
        public int messages() { return tp + fp + fn + tn; }
    }

    private int tp, fp, fn, tn, routed, routedRight, general, generalRight;
    private final List<String> misses = new ArrayList<>();

    /** @param decision null when the message was missing or unreadable */
    public void add(Labels.Label label, Decision decision) {
        if (decision == null) {
            misses.add(label.file() + ": no decision (message missing or unreadable)");
            if (label.inquiry()) fn++;
            else tn++;
            return;
        }
        String got = decision.idea() == null ? "NONE" : decision.idea().title();
        if (label.inquiry() && decision.inquiry()) tp++;
        else if (!label.inquiry() && decision.inquiry()) {
            fp++;
            misses.add(label.file() + ": false alarm (" + label.kind() + "), got inquiry about " + got + reasons(decision));
        } else if (label.inquiry()) {
            fn++;
            misses.add(label.file() + ": missed " + (label.kind().isEmpty() ? "inquiry" : label.kind()) + reasons(decision));
        } else tn++;
        if (!label.inquiry()) return;
        if (label.titles().isEmpty()) {
            general++;
            if (decision.inquiry() && decision.idea() == null) generalRight++;
            else if (decision.inquiry()) misses.add(label.file() + ": general inquiry routed to " + got);
        } else {
            routed++;
            boolean right = decision.idea() != null && label.titles().stream().anyMatch(t -> t.equalsIgnoreCase(got.trim()));
            if (right) routedRight++;
            else if (decision.inquiry()) misses.add(label.file() + ": routed to " + got + ", expected " + String.join(" | ", label.titles()));
        }
    }

    public Score score() {
        return new Score(tp, fp, fn, tn, routed, routedRight, general, generalRight);
    }

    public List<String> misses() {
        return List.copyOf(misses);
    }

    private static String reasons(Decision d) {
        return " " + d.evidence().subList(0, Math.min(5, d.evidence().size()));
    }
}
