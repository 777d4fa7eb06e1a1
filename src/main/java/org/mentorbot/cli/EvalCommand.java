package org.mentorbot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mentorbot.triage.Decision;
import org.mentorbot.triage.Triage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mentorbot eval}: triage labelled messages and print inquiry precision/recall, top-1 routing
 * accuracy and every miss. Labels are a TSV with a header: file, is_inquiry (yes/no), idea_title
 * (NONE, or accepted titles joined by " | "), and optional further columns.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Measure triage quality on labelled messages.")
final class EvalCommand implements Callable<Integer> {

    @Mixin
    Setup setup;

    @Spec
    CommandSpec spec;

    @Option(names = "--labels", required = true, paramLabel = "TSV", description = "labels.tsv: file, is_inquiry, idea_title, ...")
    Path labelsFile;

    @Option(names = "--min-f1", paramLabel = "X", description = "Exit 1 when inquiry F1 is below X (for CI quality floors).")
    double minF1 = 0;

    @Option(names = "--min-routing", paramLabel = "X", description = "Exit 1 when top-1 routing accuracy is below X.")
    double minRouting = 0;

    @Parameters(index = "0", paramLabel = "MESSAGES_DIR", description = "Directory holding the labelled messages.")
    Path messages;

    record Label(String file, boolean inquiry, List<String> titles) {
    }

    /** The figures eval prints; also used by tests. */
    record Score(int tp, int fp, int fn, int tn, int routed, int routedRight, int general, int generalRight) {
        double precision() { return tp + fp == 0 ? 1 : (double) tp / (tp + fp); }
        double recall() { return tp + fn == 0 ? 1 : (double) tp / (tp + fn); }
        double f1() { return precision() + recall() == 0 ? 0 : 2 * precision() * recall() / (precision() + recall()); }
        double routing() { return routed == 0 ? 1 : (double) routedRight / routed; }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Label> labels = readLabels(labelsFile);
        Map<String, Decision> decisions = new HashMap<>();
        Triage triage = new Triage(setup.loadCatalogs(), setup.settings());
        new TriageRun(triage, d -> decisions.put(Path.of(d.message().source()).getFileName().toString(), d),
                w -> spec.commandLine().getErr().println("mentorbot: warning: " + w)).run(List.of(messages));

        int tp = 0, fp = 0, fn = 0, tn = 0, routed = 0, routedRight = 0, general = 0, generalRight = 0;
        List<String> misses = new ArrayList<>();
        for (Label label : labels.values()) {
            Decision d = decisions.get(label.file());
            if (d == null) {
                misses.add(label.file() + ": no decision (message missing or unreadable)");
                if (label.inquiry()) fn++;
                continue;
            }
            String got = d.idea() == null ? "NONE" : d.idea().title();
            if (label.inquiry() && d.inquiry()) tp++;
            else if (!label.inquiry() && d.inquiry()) { fp++; misses.add(label.file() + ": false alarm, got inquiry about " + got + reasons(d)); }
            else if (label.inquiry()) { fn++; misses.add(label.file() + ": missed inquiry" + reasons(d)); }
            else tn++;
            if (!label.inquiry()) continue;
            if (label.titles().isEmpty()) {
                general++;
                if (d.inquiry() && d.idea() == null) generalRight++;
                else if (d.inquiry()) misses.add(label.file() + ": general inquiry routed to " + got);
            } else {
                routed++;
                boolean right = d.idea() != null && label.titles().stream().anyMatch(t -> t.equalsIgnoreCase(got.trim()));
                if (right) routedRight++;
                else if (d.inquiry()) misses.add(label.file() + ": routed to " + got + ", expected " + String.join(" | ", label.titles()));
            }
        }
        Score s = new Score(tp, fp, fn, tn, routed, routedRight, general, generalRight);
        out.printf(Locale.ROOT, "messages: %d labelled, %d inquiries%n", labels.size(), tp + fn);
        out.printf(Locale.ROOT, "inquiry detection: precision %.3f, recall %.3f, F1 %.3f (tp %d, fp %d, fn %d, tn %d)%n",
                s.precision(), s.recall(), s.f1(), tp, fp, fn, tn);
        out.printf(Locale.ROOT, "top-1 routing accuracy: %.3f (%d of %d inquiries about a listed idea)%n", s.routing(), routedRight, routed);
        out.printf(Locale.ROOT, "general inquiries left unrouted: %d of %d%n", generalRight, general);
        out.println(misses.isEmpty() ? "misses: none" : "misses:");
        misses.forEach(m -> out.println("  " + m));
        out.flush();
        return s.f1() >= minF1 && s.routing() >= minRouting ? 0 : 1;
    }

    private static String reasons(Decision d) {
        return " " + d.evidence().subList(0, Math.min(4, d.evidence().size()));
    }

    static Map<String, Label> readLabels(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("labels " + file + ": cannot read (" + e.getMessage() + ")");
        }
        Map<String, Label> labels = new java.util.LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            String[] cols = line.split("\t", -1);
            if (cols.length < 3 || !(cols[1].equals("yes") || cols[1].equals("no"))) {
                throw new UserError("labels " + file + ": line " + (i + 1) + " needs file<TAB>yes|no<TAB>idea_title");
            }
            List<String> titles = cols[2].equals("NONE") ? List.of()
                    : Arrays.stream(cols[2].split(" \\| ")).map(String::trim).toList();
            labels.put(cols[0], new Label(cols[0], cols[1].equals("yes"), titles));
        }
        return labels;
    }
}
