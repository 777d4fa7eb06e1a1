package org.mentorbot.store;

import java.time.Instant;

/**
 * A mentor's correction of triage for one message.
 *
 * @param ideaId      the idea the message is really about; null when none (or when only the inquiry flag changes)
 * @param notInquiry  true when the message is no inquiry at all
 */
public record Correction(String messageId, String mentor, String ideaId, boolean notInquiry, Instant at) {
}
