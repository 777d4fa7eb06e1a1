package org.mentorbot.action;

/**
 * Sending failed. {@code retryable} tells whether sending the same bytes later may succeed (the server was
 * unreachable, timed out, or answered 4xx) or not (it rejected the mail for good with 5xx). The message
 * never carries credentials; no cause is attached for the same reason (a cause's text is not ours to vet).
 */
public final class SendException extends Exception {

    private final boolean retryable;

    public SendException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
