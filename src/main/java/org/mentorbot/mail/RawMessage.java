package org.mentorbot.mail;

/**
 * The bytes of one message as read from an input, before any parsing.
 *
 * @param source a file path as given, or "mbox-path#n" (n counts from 1)
 * @param bytes  the RFC 822 message: headers, empty line, body; mbox separator removed and mboxrd escaping undone
 */
public record RawMessage(String source, byte[] bytes) {
}
