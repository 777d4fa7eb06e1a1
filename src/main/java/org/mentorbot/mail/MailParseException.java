package org.mentorbot.mail;

/** One raw message is not mail or cannot be parsed; the message is one line that starts with the source. */
public final class MailParseException extends Exception {
    public MailParseException(String message) {
        super(message);
    }

    public MailParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
