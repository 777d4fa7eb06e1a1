package org.mentorbot.mail;

/** An input named by the user cannot be used at all (missing, not a file or directory); the message is one line. */
public final class MailInputException extends Exception {
    public MailInputException(String message) {
        super(message);
    }
}
