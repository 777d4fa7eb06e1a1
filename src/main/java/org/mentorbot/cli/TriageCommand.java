package org.mentorbot.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mentorbot.triage.DecisionJson;
import org.mentorbot.triage.Triage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mentorbot triage}: one JSON object per message, in input order, on stdout. */
@Command(name = "triage", mixinStandardHelpOptions = true,
        description = "Decide for each message whether it is an inquiry, and about which idea (JSON Lines on stdout).")
final class TriageCommand implements Callable<Integer> {

    @Mixin
    Setup setup;

    @Option(names = "--stats", description = "At the end, print messages, inquiries and messages per second to stderr.")
    boolean stats;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = ".eml files, directories, maildirs or mboxes (.gz/.xz too).")
    List<Path> inputs;

    @Override
    public Integer call() throws IOException {
        Setup.requireInputs(inputs);
        Triage triage = setup.triage();
        long start = System.nanoTime();
        long[] counts = new long[3];
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        try (DecisionJson json = new DecisionJson(out)) {
            new TriageRun(triage, decision -> {
                json.write(decision);
                counts[0]++;
                if (decision.inquiry()) counts[1]++;
            }, warning -> {
                counts[2]++;
                System.err.println("mentorbot: warning: " + warning);
            }).run(inputs);
        }
        if (stats) {
            double seconds = (System.nanoTime() - start) / 1e9;
            System.err.printf(Locale.ROOT, "triage: %d messages, %d inquiries, %d warnings, %.1f s, %.0f messages/s%n",
                    counts[0], counts[1], counts[2], seconds, counts[0] / Math.max(seconds, 1e-9));
        }
        return 0;
    }
}
