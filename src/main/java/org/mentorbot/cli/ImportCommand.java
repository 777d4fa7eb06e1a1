package org.mentorbot.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.store.LockObtainFailedException;
import org.mentorbot.archive.Archive;
import org.mentorbot.archive.ImportStats;
import org.mentorbot.archive.Importer;
import org.mentorbot.mail.MailInputException;
import org.mentorbot.triage.Triage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mentorbot import}: adds mail to the searchable archive, triaged; resumable, re-runs are no-ops. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Add messages to the archive (triaged against the catalogs); already archived messages are skipped.")
final class ImportCommand implements java.util.concurrent.Callable<Integer> {

    @Mixin
    Setup setup;

    @Option(names = "--archive", required = true, paramLabel = "DIR", description = "The archive's directory (created when missing).")
    Path archiveDir;

    @Option(names = "--list", paramLabel = "NAME", description = "The list name to record. Default: each message's List-Id.")
    String list;

    @Option(names = "--commit-every", paramLabel = "N", hidden = true, defaultValue = "" + Importer.DEFAULT_COMMIT_EVERY,
            description = "Commit after this many new messages (an interrupted run loses at most these).")
    int commitEvery;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = ".eml files, directories, maildirs or mboxes (.gz/.xz too).")
    List<Path> inputs;

    @Override
    public Integer call() throws IOException {
        Setup.requireInputs(inputs);
        if (Files.exists(archiveDir) && !Files.isDirectory(archiveDir)) {
            throw new UserError("archive " + archiveDir + ": not a directory");
        }
        if (commitEvery < 1) throw new UserError("--commit-every must be at least 1");
        Triage triage = setup.triage();
        HeapHint.warnIfUnboundedImport(new java.io.PrintWriter(System.err, true));
        try (Archive archive = openArchive()) {
            Importer importer = new Importer(archive, triage, list, commitEvery,
                    warning -> System.err.println("mentorbot: warning: " + warning),
                    Importer.progressOn(System.err, System.console() != null));
            CountDownLatch done = new CountDownLatch(1);
            // Ctrl-C or kill: let the import commit what it has, so the next run resumes from there.
            Thread hook = new Thread(() -> {
                importer.stop();
                try {
                    done.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "mentorbot-import-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                ImportStats stats = importer.run(inputs);
                System.out.println(stats.summary());
                System.out.flush();
            } catch (MailInputException e) {
                throw new UserError(e.getMessage());
            } finally {
                done.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // already shutting down: the hook is running and waits for us
                }
            }
        }
        return 0;
    }

    private Archive openArchive() throws IOException {
        try {
            return Archive.open(archiveDir);
        } catch (LockObtainFailedException e) {
            throw new UserError("archive " + archiveDir + ": in use by another process (an import, or the bot)");
        } catch (IOException e) {
            throw new UserError("archive " + archiveDir + ": cannot open (" + e.getMessage() + ")");
        }
    }
}
