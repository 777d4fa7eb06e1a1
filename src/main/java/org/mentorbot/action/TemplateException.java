package org.mentorbot.action;

/** A template is missing or malformed, or asks for a value that does not exist. Names the template. */
public final class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }
}
