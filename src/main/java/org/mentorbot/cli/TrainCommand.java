package org.mentorbot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mentorbot.triage.InquiryModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mentorbot train}: learns the inquiry model from the labelled corpus and writes it where triage
 * reads it. The same corpus always gives the same file, byte for byte.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Learn the inquiry model from the labelled corpus (src/corpus) into the configuration directory.")
final class TrainCommand implements Callable<Integer> {

    @Mixin
    Setup setup;

    @Spec
    CommandSpec spec;

    @Option(names = "--corpus", paramLabel = "DIR", description = "The training corpus (default: src/corpus).")
    Path corpus = Path.of("src/corpus");

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the model (default: inquiry-model.tsv in the configuration directory).")
    Path out;

    @Mixin
    TrainingOptions training;

    @Override
    public Integer call() throws IOException {
        PrintWriter print = spec.commandLine().getOut();
        InquiryModel model = EvalCommand.training(setup, corpus, training.options(),
                w -> spec.commandLine().getErr().println("mentorbot: warning: " + w)).train();
        Path file = out != null ? out : setup.configDirectory().resolve(InquiryModel.FILE_NAME);
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        Files.writeString(file, model.text());
        model.header().forEach(h -> print.println("# " + h));
        print.printf(Locale.ROOT, "wrote %s: %d weighted features%n", file, model.size());
        print.println("heaviest features (log-odds):");
        List<Map.Entry<String, Double>> heaviest = model.weights().entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -Math.abs(e.getValue())))
                .limit(25).toList();
        for (Map.Entry<String, Double> e : heaviest) print.printf(Locale.ROOT, "  %+7.3f  %s%n", e.getValue(), e.getKey());
        print.flush();
        return 0;
    }
}
