package org.mentorbot.store;

/**
 * Where an outgoing mail stands. A mail is claimed (SENDING) before it is handed to SMTP, so that a crash
 * in between leaves a trace the bot can check instead of blindly sending again.
 */
public enum OutboxState {
    /** Waiting to be sent (again, after a retryable failure). */
    PENDING,
    /** Claimed by a sender; still here after a restart means the outcome is unknown. */
    SENDING,
    SENT,
    /** Gave up: the error was permanent. */
    FAILED,
    /** Deliberately not sent (rate limit, already answered, mentor's correction...). */
    SUPPRESSED
}
