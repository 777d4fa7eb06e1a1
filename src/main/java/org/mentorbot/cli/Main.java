package org.mentorbot.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mentorbot} command: one executable, one subcommand per job. */
@Command(name = "mentorbot", mixinStandardHelpOptions = true, version = "mentorbot 0.1.0",
        description = "Routes students' questions about project ideas on a mailing list to the ideas' mentors.",
        subcommands = {TriageCommand.class, ImportCommand.class, SearchCommand.class, BenchSearchCommand.class, ExplainCommand.class, EvalCommand.class, TrainCommand.class, CatalogCommand.class,
                DemoCommand.class, RunCommand.class, PollCommand.class, StatusCommand.class, ServeCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    // Lucene reports on stderr, through java.util.logging, which JDK features it uses (memory segments,
    // the vector API): news for its developers, noise between a user's results. Held so the setting stays.
    private static final java.util.logging.Logger LUCENE_LOG = java.util.logging.Logger.getLogger("org.apache.lucene");

    public static void main(String[] args) {
        LUCENE_LOG.setLevel(java.util.logging.Level.SEVERE);
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
            // A disk that is full or an index that is damaged is no bug of ours: one line, no stack trace.
            Throwable io = e instanceof java.io.UncheckedIOException unchecked ? unchecked.getCause() : e;
            if (io instanceof java.io.IOException) {
                commandLine.getErr().println("mentorbot: " + commandLine.getCommandName() + ": "
                        + (e != io && e.getMessage() != null ? e.getMessage() + ": " : "") + oneLine(io));
                return 1;
            }
            throw e;
        });
        return cli.execute(args);
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // These carry only the path as their message.
        if (e instanceof java.nio.file.NoSuchFileException) message = "no such file: " + message;
        if (e instanceof java.nio.file.AccessDeniedException) message = "permission denied: " + message;
        return message.replaceAll("\\s+", " ").strip();
    }
}
