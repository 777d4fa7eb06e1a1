package org.mentorbot.store;

import java.time.Instant;

/**
 * One message as the ledger keeps it: where it came from and what triage decided.
 *
 * @param uid       IMAP UID, or -1 for other sources
 * @param ideaId    null when no idea
 * @param backlog   true when it was recorded without actions (first poll, or older than the backlog limit)
 * @param asks      it makes its thread an inquiry's thread (an inquiry, or nearly one: thread context for later triage)
 * @param report    it reads like an accepted student's report
 * @param patch     it carries a patch
 * @param programme it names a mentoring programme
 * @param answer    it reads like an answer to an applicant
 * @param decision  the decision as one JSON object (the triage contract's line)
 */
public record MessageRecord(String messageId, String mailbox, String folder, long uid, String threadId,
                            String sender, String subject, Instant date, boolean inquiry, String ideaId,
                            String ideaTitle, double confidence, boolean backlog, boolean asks, boolean report, boolean patch, boolean programme, boolean answer,
                            String decision,
                            Instant recordedAt) {
}
