package org.mentorbot.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mentorbot.catalog.Contact;
import org.mentorbot.triage.Decision;
import org.mentorbot.triage.Evidence;
import org.mentorbot.triage.IdeaMatch;
import org.mentorbot.triage.Triage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mentorbot explain}: the decision for each message, with every reason, for people. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explain the triage decision for messages (earlier messages give thread context to later ones).")
final class ExplainCommand implements Callable<Integer> {

    @Mixin
    Setup setup;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Messages to explain (.eml, mbox, directory).")
    List<Path> inputs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Triage triage = setup.triage();
        new TriageRun(triage, d -> print(out, d), w -> spec.commandLine().getErr().println("mentorbot: warning: " + w))
                .run(inputs);
        out.flush();
        return 0;
    }

    static void print(PrintWriter out, Decision d) {
        out.printf("%s%n  Subject: %s%n  From:    %s%n", d.message().source(), d.message().subject(),
                d.message().from() == null ? "" : d.message().from().display());
        String verdict = switch (d.kind()) {
            case NOT_INQUIRY -> "not an inquiry";
            case GENERAL_INQUIRY -> "an inquiry that names no listed idea";
            case IDEA_INQUIRY -> "an inquiry about \"" + d.idea().title() + "\" (" + d.idea().catalog() + ")";
        };
        out.printf(Locale.ROOT, "  Decision: %s, confidence %.2f%n", verdict, d.confidence());
        if (!d.contacts().isEmpty()) {
            out.println("  Contacts: " + String.join(", ", d.contacts().stream().map(Contact::display).toList()));
        }
        if (d.threadIdea() != null && !d.inquiry()) out.println("  Thread is about: " + d.threadIdea().title());
        out.println("  Reasons (log-odds):");
        for (Evidence e : d.evidence()) out.println("    " + e);
        if (!d.alternatives().isEmpty()) {
            out.println("  Other candidate ideas:");
            for (IdeaMatch m : d.alternatives()) {
                out.printf(Locale.ROOT, "    %.2f %s (%s): title %.0f%% covered, %.0f%% in order; terms %s%n", m.score(),
                        m.idea().title(), m.idea().catalog(), 100 * m.titleCoverage(), 100 * m.titlePhrase(), m.matchedTerms());
            }
        }
        out.println();
    }
}
