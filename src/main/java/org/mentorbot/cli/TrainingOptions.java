package org.mentorbot.cli;

import org.mentorbot.triage.InquiryTrainer;
import picocli.CommandLine.Option;

/** How the inquiry model is learned; the defaults are what the shipped model was built with. */
final class TrainingOptions {

    @Option(names = "--cost", paramLabel = "C", description = "LibLinear's C: lower regularises more (default: ${DEFAULT-VALUE}).")
    double cost = InquiryTrainer.Options.DEFAULT.cost();

    @Option(names = "--min-projects", paramLabel = "N",
            description = "Keep only features seen in at least N projects (default: ${DEFAULT-VALUE}).")
    int minProjects = InquiryTrainer.Options.DEFAULT.minProjects();

    InquiryTrainer.Options options() {
        if (cost <= 0) throw new UserError("--cost must be positive, not " + cost);
        if (minProjects < 1) throw new UserError("--min-projects must be at least 1, not " + minProjects);
        return new InquiryTrainer.Options(cost, minProjects);
    }
}
