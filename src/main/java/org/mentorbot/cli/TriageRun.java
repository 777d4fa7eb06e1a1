package org.mentorbot.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.mentorbot.mail.MailInputException;
import org.mentorbot.mail.MailStream;
import org.mentorbot.triage.Decision;
import org.mentorbot.triage.Triage;

/**
 * Feeds inputs through triage. Threads are followed in the order messages were sent, but a directory
 * of .eml files is in name order, so messages are triaged in batches, each batch in date order, and
 * the decisions are handed on in input order as the contract requires.
 */
final class TriageRun {

    private static final int BATCH = 4096;

    private final Triage triage;
    private final Consumer<Decision> decisions;
    private final Consumer<String> warnings;
    private final List<MailStream.Item> batch = new ArrayList<>();

    TriageRun(Triage triage, Consumer<Decision> decisions, Consumer<String> warnings) {
        this.triage = triage;
        this.decisions = decisions;
        this.warnings = warnings;
    }

    void run(List<Path> inputs) {
        Setup.requireInputs(inputs);
        try {
            MailStream.forEach(inputs, this::add, warnings);
        } catch (MailInputException e) {
            flush();
            throw new UserError(e.getMessage());
        }
        flush();
    }

    private void add(MailStream.Item item) {
        batch.add(item);
        if (batch.size() >= BATCH) flush();
    }

    private void flush() {
        List<Integer> order = new ArrayList<>();
        Instant[] dates = new Instant[batch.size()];
        Instant last = Instant.MIN;
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i).error() != null) continue;
            // An undated message keeps its place after the dated message before it.
            Instant date = batch.get(i).message().date();
            last = date != null ? date : last;
            dates[i] = last;
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> dates[i]));
        Decision[] decided = new Decision[batch.size()];
        String[] failed = new String[batch.size()];
        for (int i : order) {
            MailStream.Item item = batch.get(i);
            try {
                decided[i] = triage.triage(item.message(), item.text());
            } catch (RuntimeException | StackOverflowError e) {
                // One hostile message must not end a run over a whole archive: it gets a warning, not a line.
                failed[i] = item.raw().source() + ": cannot triage (" + e + ")";
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            if (decided[i] != null) decisions.accept(decided[i]);
            else warnings.accept(failed[i] != null ? failed[i] : batch.get(i).error());
        }
        batch.clear();
    }
}
