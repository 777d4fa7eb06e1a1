package org.mentorbot.mail;

/**
 * A mailbox could not be read. {@code transient} failures (server down, connection dropped, timeouts,
 * authentication temporarily refused) are worth retrying later; the others need the operator.
 */
public class MailSourceException extends Exception {

    private final boolean transientFailure;

    public MailSourceException(String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    public boolean isTransient() {
        return transientFailure;
    }
}
