package org.mentorbot.catalog;

/** A catalog that cannot be used; the message names the file and the problem, fit for one line. */
public class CatalogException extends Exception {
    public CatalogException(String message) {
        super(message);
    }
}
