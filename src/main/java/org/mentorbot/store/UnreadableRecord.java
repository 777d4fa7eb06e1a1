package org.mentorbot.store;

import java.time.Instant;

/**
 * A message the bot could not handle, as the ledger keeps it.
 *
 * @param messageId  the Message-ID a header scan found, or a digest-based id
 * @param uid        IMAP UID, or the position in a local mailbox, or -1
 * @param reason     one line: why it could not be read or triaged
 * @param raw        the message as it arrived
 * @param recordedAt null to stamp it with the ledger's clock
 */
public record UnreadableRecord(String messageId, String mailbox, String folder, long uid, String reason, byte[] raw,
                               Instant recordedAt) {
}
