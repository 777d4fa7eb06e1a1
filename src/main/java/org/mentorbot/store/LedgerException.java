package org.mentorbot.store;

/** The ledger cannot be opened or written; the message names the database and the problem. */
public class LedgerException extends RuntimeException {
    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
