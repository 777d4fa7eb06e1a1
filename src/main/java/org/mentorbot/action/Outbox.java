package org.mentorbot.action;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.mentorbot.store.Ledger;
import org.mentorbot.store.OutboxEntry;
import org.mentorbot.store.OutgoingMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the ledger's outbox holds, each mail claimed (PENDING → SENDING) before it goes out and
 * marked SENT after. A crash in between leaves it SENDING: it may or may not have been delivered.
 *
 * <p>With a copy mailbox configured, every mail also goes to the bot's own address, and a mail left
 * SENDING is settled by looking for its Message-ID there: found, it was sent; still absent after a grace
 * period (time enough for delivery), it was not, and it is sent again. Without one, a
 * mail in doubt is never resent: a second mail is worse than a missing one.
 */
public final class Outbox {

    /** Looks for a copy of a sent mail by its Message-ID. */
    @FunctionalInterface
    public interface SentCopies {
        boolean holds(String messageId) throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final int BATCH = 100;

    private final Ledger ledger;
    private final SmtpSender sender;
    private final String copyAddress;
    private final SentCopies copies;
    private final Duration copyGrace;
    private final Clock clock;

    /** An outbox without copies: mails in doubt are never resent. */
    public Outbox(Ledger ledger, SmtpSender sender) {
        this(ledger, sender, null, null, Duration.ZERO, Clock.systemUTC());
    }

    public Outbox(Ledger ledger, SmtpSender sender, String copyAddress, SentCopies copies, Duration copyGrace, Clock clock) {
        this.ledger = ledger;
        this.sender = sender;
        this.copyAddress = copyAddress;
        this.copies = copies;
        this.copyGrace = copyGrace;
        this.clock = clock;
    }

    /**
     * Settles mails in doubt, then sends pending mails until none is left or the server fails
     * transiently; returns how many were sent. Synchronized, so that a mail this process is sending is
     * never taken for one left over by a crash.
     */
    public synchronized int flush() {
        settleInDoubt();
        int sent = 0;
        for (OutboxEntry entry : ledger.pending(BATCH)) {
            if (!ledger.claim(entry.id())) continue; // another instance has it
            try {
                sender.send(withCopy(entry.mail()));
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

    /** Mails left SENDING by a crash: confirmed by their copy, resent when surely lost, else kept aside. */
    synchronized int settleInDoubt() {
        int settled = 0;
        for (OutboxEntry entry : ledger.sending()) {
            OutgoingMail mail = entry.mail();
            if (copies == null) {
                ledger.markFailed(entry.id(), "in doubt after a crash: it may have been sent, so it is not resent", false);
                LOG.warn("{} {} to {} is in doubt after a crash and will not be resent", mail.kind(), mail.messageId(), mail.recipient());
                settled++;
                continue;
            }
            try {
                if (copies.holds(mail.messageId())) {
                    ledger.markSent(entry.id());
                    settled++;
                } else if (entry.updated().isBefore(clock.instant().minus(copyGrace))) {
                    ledger.markFailed(entry.id(), "no copy arrived: the send was interrupted", true); // back to PENDING
                    LOG.info("{} {} to {} was interrupted by a crash; sending it again", mail.kind(), mail.messageId(), mail.recipient());
                    settled++;
                }
            } catch (Exception e) {
                LOG.warn("cannot look for the copy of {}: {}", mail.messageId(), e.getMessage());
                return settled; // the copy mailbox is unreachable: decide later
            }
        }
        return settled;
    }

    private OutgoingMail withCopy(OutgoingMail mail) {
        if (copyAddress == null || mail.envelopeTo().contains(copyAddress)) return mail;
        List<String> to = new ArrayList<>(mail.envelopeTo());
        to.add(copyAddress); // envelope only: no header names the copy
        return new OutgoingMail(mail.kind(), mail.inquiryMessageId(), mail.recipient(), to, mail.messageId(),
                mail.threadId(), mail.sender(), mail.mime());
    }
}
