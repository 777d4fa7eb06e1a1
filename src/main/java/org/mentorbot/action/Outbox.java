package org.mentorbot.action;

import org.mentorbot.store.Ledger;
import org.mentorbot.store.OutboxEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the ledger's outbox holds, each mail claimed (PENDING → SENDING) before it goes out and
 * marked SENT after: a crash in between leaves it SENDING, and a mail in that state is never sent again
 * automatically, because it may already have been delivered. A second mail is worse than a missing one.
 */
public final class Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final int BATCH = 100;

    private final Ledger ledger;
    private final SmtpSender sender;

    public Outbox(Ledger ledger, SmtpSender sender) {
        this.ledger = ledger;
        this.sender = sender;
    }

    /** Sends pending mails until none is left or the server fails transiently; returns how many were sent. */
    public synchronized int flush() {
        int sent = 0;
        for (OutboxEntry entry : ledger.pending(BATCH)) {
            if (!ledger.claim(entry.id())) continue; // another instance has it
            try {
                sender.send(entry.mail());
                ledger.markSent(entry.id());
                sent++;
            } catch (SendException e) {
                ledger.markFailed(entry.id(), e.getMessage(), e.retryable());
                LOG.warn("{} {}: {}", entry.mail().kind(), entry.mail().messageId(), e.getMessage());
                if (e.retryable()) break; // the server is unwell: try the rest at the next poll
            }
        }
        return sent;
    }

    /**
     * Mails left SENDING by a crash are marked failed "in doubt" rather than resent; they stay visible in
     * {@code mentorbot status}. Called once at start-up, before the first flush.
     */
    public int settleInDoubt() {
        int settled = 0;
        for (OutboxEntry entry : ledger.sending()) {
            ledger.markFailed(entry.id(), "in doubt after a crash: it may have been sent, so it is not resent", false);
            LOG.warn("{} {} to {} is in doubt after a crash and will not be resent", entry.mail().kind(),
                    entry.mail().messageId(), entry.mail().recipient());
            settled++;
        }
        return settled;
    }
}
