package org.mentorbot.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.mentorbot.mail.Subjects;
import org.mentorbot.store.Ledger;
import org.mentorbot.store.MessageRecord;
import org.mentorbot.triage.ThreadContext;
import org.mentorbot.triage.Triage;

/**
 * Gives a starting bot's triage what its earlier runs saw, from the ledger: which threads carry an inquiry,
 * who asked it and which idea it went to, who answered, and what each sender sent before. Without it, a
 * restart would forget every thread and an applicant's follow-up the next day would start from nothing.
 */
final class TriageHistory {

    /** Threads and senders older than this have no bearing on today's mail. */
    static final Duration WINDOW = Duration.ofDays(400);
    static final int MAX_MESSAGES = 200_000;

    private TriageHistory() {
    }

    static void restore(Ledger ledger, String mailbox, Triage triage, ThreadContext context, Instant now) {
        List<MessageRecord> history = ledger.history(mailbox, now.minus(WINDOW), MAX_MESSAGES);
        for (MessageRecord m : history) {
            String sender = m.sender() == null ? "" : m.sender().toLowerCase(Locale.ROOT);
            String thread = m.threadId() == null ? m.messageId() : m.threadId();
            context.remember(m.messageId(), thread, List.of(), Subjects.key(m.subject()), sender, m.date(),
                    new ThreadContext.Traits(m.asks(), m.report(), m.patch(), m.programme(), m.answer()),
                    m.ideaId() == null ? null : triage.idea(m.ideaId()).orElse(null));
        }
    }
}
