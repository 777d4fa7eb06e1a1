package org.mentorbot.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.mentorbot.mail.HeaderScan;
import org.mentorbot.mail.MailInputException;
import org.mentorbot.mail.MailStream;
import org.mentorbot.triage.Decision;
import org.mentorbot.triage.Triage;

/**
 * Imports mail into an archive, in input order, triaging each new message (decisions only, no actions).
 *
 * <p>Commits every {@code commitEvery} new messages and at the end. Resumable: a run that is killed loses
 * at most what it added since its last commit, and a new run skips everything committed, recognising it by
 * Message-ID from the raw header before parsing. {@link #stop()} (a shutdown hook) ends the run at the next
 * message with a commit.
 */
public final class Importer {

    // Each commit writes small segments that merges must later rewrite: at 10,000 an import of 100,000
    // messages took 9% longer. A killed import loses at most this many (some 20 s of work).
    public static final int DEFAULT_COMMIT_EVERY = 50_000;

    private final Archive archive;
    private final Triage triage;
    private final String list;
    private final int commitEvery;
    private final Consumer<String> warnings;
    private final Progress progress;
    private volatile boolean stopRequested;

    private long imported;
    private long duplicates;
    private long unreadable;
    private long sinceCommit;

    /**
     * @param triage   null to archive without triage
     * @param list     the list name for every message, or null to take it from List-Id
     */
    public Importer(Archive archive, Triage triage, String list, int commitEvery, Consumer<String> warnings,
            Progress progress) {
        this.archive = archive;
        this.triage = triage;
        this.list = list;
        this.commitEvery = commitEvery;
        this.warnings = warnings;
        this.progress = progress == null ? Progress.none() : progress;
    }

    public static Progress progressOn(java.io.PrintStream out, boolean terminal) {
        return new Progress(out, terminal);
    }

    /** Asks a running import to commit and end after the message it is on. */
    public void stop() {
        stopRequested = true;
    }

    public ImportStats run(List<Path> inputs) throws MailInputException, IOException {
        long start = System.nanoTime();
        boolean interrupted = false;
        try {
            MailStream.forEach(inputs, raw -> {
                String id = HeaderScan.messageId(raw.bytes());
                return id != null && archive.contains(id);
            }, this::accept, warnings);
        } catch (MailStream.Stop e) {
            interrupted = true;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            progress.finish();
            archive.commit();
        }
        if (!interrupted) archive.commitMerged(); // a stopped import should stop quickly
        double seconds = (System.nanoTime() - start) / 1e9;
        return new ImportStats(imported, duplicates, unreadable, seconds, archive.sizeBytes(), interrupted);
    }

    private void accept(MailStream.Item item) {
        if (stopRequested) throw new MailStream.Stop();
        if (item.skipped()) {
            duplicates++;
        } else if (item.error() != null) {
            // Kept with the reason, so that nothing read is lost and a rerun skips it like any archived message.
            if (add(() -> archive.addUnreadable(item.raw(), HeaderScan.idOf(item.raw().bytes()), item.error(), list))) {
                unreadable++;
                warnings.accept(item.error());
            } else {
                duplicates++;
            }
        } else if (archive.contains(item.message().messageId())) {
            duplicates++; // twice in the inputs, or an id the header scan could not read
        } else {
            Decision decision = decide(item);
            add(() -> archive.add(item.raw(), item.message(), item.text(), decision, list));
            imported++;
        }
        progress.update(imported, duplicates, unreadable);
    }

    /** The triage decision, or none (with a warning) when triage fails on this message. */
    private Decision decide(MailStream.Item item) {
        if (triage == null) return null;
        try {
            return triage.triage(item.message(), item.text());
        } catch (RuntimeException | StackOverflowError e) {
            warnings.accept(item.raw().source() + ": cannot triage (" + e + "); archived without a decision");
            return null;
        }
    }

    private interface Addition {
        boolean add() throws IOException;
    }

    private boolean add(Addition addition) {
        try {
            boolean added = addition.add();
            if (added && ++sinceCommit >= commitEvery) {
                archive.commit();
                sinceCommit = 0;
            }
            return added;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
