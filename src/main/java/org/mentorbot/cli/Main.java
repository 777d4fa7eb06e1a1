package org.mentorbot.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mentorbot} command: one executable, one subcommand per job. */
@Command(name = "mentorbot", mixinStandardHelpOptions = true, version = "mentorbot 0.1.0",
        description = "Routes students' questions about project ideas on a mailing list to the ideas' mentors.",
        subcommands = {TriageCommand.class, ImportCommand.class, SearchCommand.class, BenchSearchCommand.class, ExplainCommand.class, EvalCommand.class, CatalogCommand.class,
                DemoCommand.class, RunCommand.class, PollCommand.class, StatusCommand.class, ServeCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code; user mistakes become one line on stderr. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UserError) {
                commandLine.getErr().println("mentorbot: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli.execute(args);
    }
}
