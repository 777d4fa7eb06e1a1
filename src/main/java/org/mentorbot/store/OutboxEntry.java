package org.mentorbot.store;

import java.time.Instant;

/**
 * One row of the outbox.
 *
 * @param attempts  failed send attempts so far
 * @param lastError the last send error, or the reason when SUPPRESSED; null otherwise
 */
public record OutboxEntry(long id, OutgoingMail mail, OutboxState state, int attempts, String lastError,
                          Instant created, Instant updated) {
}
