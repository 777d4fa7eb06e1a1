package org.mentorbot.store;

import java.time.Instant;

/**
 * What the ledger knows about one mailbox, for the status command.
 *
 * @param lastPoll       null when never polled
 * @param lastError      the error of the latest poll; null when it succeeded
 * @param unreadable     messages recorded as unreadable (not parsed or not triaged)
 * @param lastUnreadable the reason the latest of them could not be read; null when there is none
 * @param pendingActions outbox rows still PENDING for messages of this mailbox
 * @param sentActions    outbox rows SENT for messages of this mailbox
 */
public record MailboxStatus(String mailbox, Instant lastPoll, String lastError, long messages, long inquiries,
                            long unreadable, String lastUnreadable,
                            long pendingActions, long sentActions) {
}
