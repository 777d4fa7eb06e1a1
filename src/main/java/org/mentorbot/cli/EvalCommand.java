package org.mentorbot.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import org.mentorbot.catalog.CatalogReader;
import org.mentorbot.triage.Corpus;
import org.mentorbot.triage.CorpusTraining;
import org.mentorbot.triage.Decision;
import org.mentorbot.triage.Evaluation;
import org.mentorbot.triage.InquiryTrainer;
import org.mentorbot.triage.Labels;
import org.mentorbot.triage.Triage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mentorbot eval}: triage labelled messages and print inquiry precision/recall, top-1 routing
 * accuracy and every miss; or, with {@code --cross-project}, train on all the corpus's projects but one and
 * test on that one, for each project in turn.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Measure triage quality on labelled messages (--labels FILE MESSAGES_DIR),",
                "or leave-one-project-out on the training corpus (--cross-project)."})
final class EvalCommand implements Callable<Integer> {

    @Mixin
    Setup setup;

    @Spec
    CommandSpec spec;

    @Option(names = "--labels", paramLabel = "TSV", description = "labels.tsv: file, is_inquiry, idea_title, ...")
    Path labelsFile;

    @Option(names = "--cross-project", description = "For each project of the corpus: train on the others, test on it.")
    boolean crossProject;

    @Option(names = "--corpus", paramLabel = "DIR", description = "The training corpus (default: src/corpus).")
    Path corpus = Path.of("src/corpus");

    @Option(names = "--min-f1", paramLabel = "X", description = "Exit 1 when inquiry F1 is below X (for CI quality floors).")
    double minF1 = 0;

    @Option(names = "--min-routing", paramLabel = "X", description = "Exit 1 when top-1 routing accuracy is below X.")
    double minRouting = 0;

    @Option(names = "--misses", description = "With --cross-project: print every miss too.")
    boolean showMisses;

    @Mixin
    TrainingOptions training;

    @Parameters(index = "0", arity = "0..1", paramLabel = "MESSAGES_DIR", description = "Directory holding the labelled messages.")
    Path messages;

    @Override
    public Integer call() {
        if (crossProject) return crossProject(spec.commandLine().getOut());
        if (labelsFile == null || messages == null) {
            throw new UserError("eval needs --labels FILE and MESSAGES_DIR, or --cross-project");
        }
        return labelled(spec.commandLine().getOut());
    }

    private int labelled(PrintWriter out) {
        Map<String, Labels.Label> labels = labels(labelsFile);
        Map<String, Decision> decisions = new HashMap<>();
        Triage triage = setup.triage();
        new TriageRun(triage, d -> decisions.put(Path.of(d.message().source()).getFileName().toString(), d), this::warn)
                .run(List.of(messages));
        Evaluation evaluation = new Evaluation();
        for (Labels.Label label : labels.values()) evaluation.add(label, decisions.get(label.file()));
        Evaluation.Score s = evaluation.score();
        out.printf(Locale.ROOT, "messages: %d labelled, %d inquiries%n", labels.size(), s.tp() + s.fn());
        out.printf(Locale.ROOT, "inquiry detection: precision %.3f, recall %.3f, F1 %.3f (tp %d, fp %d, fn %d, tn %d)%n",
                s.precision(), s.recall(), s.f1(), s.tp(), s.fp(), s.fn(), s.tn());
        out.printf(Locale.ROOT, "top-1 routing accuracy: %.3f (%d of %d inquiries about a listed idea)%n", s.routing(),
                s.routedRight(), s.routed());
        out.printf(Locale.ROOT, "general inquiries left unrouted: %d of %d%n", s.generalRight(), s.general());
        List<String> misses = evaluation.misses();
        out.println(misses.isEmpty() ? "misses: none" : "misses:");
        misses.forEach(m -> out.println("  " + m));
        out.flush();
        return s.f1() >= minF1 && s.routing() >= minRouting ? 0 : 1;
    }

    private int crossProject(PrintWriter out) {
        List<CorpusTraining.ProjectResult> results = training(setup, corpus, training.options(), this::warn).crossProject();
        out.printf("%-14s %8s %10s %9s %7s %7s%n", "project", "messages", "inquiries", "precision", "recall", "top-1");
        for (CorpusTraining.ProjectResult r : results) {
            Evaluation.Score s = r.score();
            out.printf(Locale.ROOT, "%-14s %8d %10d %9s %7s %7s%n", r.project(), s.messages(), s.tp() + s.fn(),
                    figure(precisionOf(s)), figure(recallOf(s)), figure(routingOf(s)));
            if (showMisses) r.misses().forEach(m -> out.println("    " + m));
        }
        Summary summary = summarize(results);
        Evaluation.Score pooled = pooled(results);
        out.printf(Locale.ROOT, "pooled over all messages: precision %.2f recall %.2f top-1 %.2f (%d inquiries, %d flagged)%n",
                pooled.precision(), pooled.recall(), pooled.routing(), pooled.tp() + pooled.fn(), pooled.tp() + pooled.fp());
        out.println("macro averages over the projects where each figure is defined: precision where triage flagged"
                + " something, recall where the project has inquiries, top-1 where it has inquiries about a listed idea");
        out.printf(Locale.ROOT, "cross-project: precision %.2f recall %.2f top-1 %.2f (%d projects, %d messages)%n",
                summary.precision(), summary.recall(), summary.routing(), results.size(), summary.messages());
        out.flush();
        return summary.f1() >= minF1 && !(summary.routing() < minRouting) ? 0 : 1;
    }

    /** The macro averages of a cross-project run. */
    record Summary(double precision, double recall, double routing, int messages) {
        double f1() {
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
    }

    static Summary summarize(List<CorpusTraining.ProjectResult> results) {
        return new Summary(mean(results, EvalCommand::precisionOf), mean(results, EvalCommand::recallOf),
                mean(results, EvalCommand::routingOf), results.stream().mapToInt(r -> r.score().messages()).sum());
    }

    static Evaluation.Score pooled(List<CorpusTraining.ProjectResult> results) {
        int[] c = new int[8];
        for (CorpusTraining.ProjectResult r : results) {
            Evaluation.Score s = r.score();
            int[] v = {s.tp(), s.fp(), s.fn(), s.tn(), s.routed(), s.routedRight(), s.general(), s.generalRight()};
            for (int i = 0; i < c.length; i++) c[i] += v[i];
        }
        return new Evaluation.Score(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
    }

    private static double mean(List<CorpusTraining.ProjectResult> results, ToDoubleFunction<Evaluation.Score> figure) {
        OptionalDouble mean = results.stream().mapToDouble(r -> figure.applyAsDouble(r.score())).filter(d -> !Double.isNaN(d)).average();
        return mean.orElse(Double.NaN);
    }

    static double precisionOf(Evaluation.Score s) {
        return s.tp() + s.fp() == 0 ? Double.NaN : s.precision();
    }

    static double recallOf(Evaluation.Score s) {
        return s.tp() + s.fn() == 0 ? Double.NaN : s.recall();
    }

    static double routingOf(Evaluation.Score s) {
        return s.routed() == 0 ? Double.NaN : s.routing();
    }

    private static String figure(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }

    static CorpusTraining training(Setup setup, Path corpus, InquiryTrainer.Options options,
                                   java.util.function.Consumer<String> warnings) {
        try {
            List<Corpus.Project> projects = Corpus.read(corpus, new CatalogReader(setup.mentors()));
            return new CorpusTraining(projects, setup.settings(), options, warnings);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    private static Map<String, Labels.Label> labels(Path file) {
        try {
            return Labels.read(file);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    private void warn(String warning) {
        spec.commandLine().getErr().println("mentorbot: warning: " + warning);
    }
}
