package org.mentorbot.store;

import java.util.List;

/**
 * A mail the bot intends to send, composed in full before it is recorded, so that a retry after a crash
 * sends the very same bytes with the same Message-ID.
 *
 * @param kind              "notify", "reply" or "digest"
 * @param inquiryMessageId  the Message-ID of the message this mail is about (null for digests)
 * @param recipient         the person it is for (address), for rate limits and status
 * @param envelopeTo        SMTP RCPT TO addresses (To, Cc and Bcc together)
 * @param messageId         the outgoing mail's own Message-ID, with angle brackets
 * @param threadId          the thread of the inquiry (for "one reply per sender per thread")
 * @param sender            the address of the inquiry's author (for "one reply per sender per thread")
 * @param mime              the complete RFC 5322 message
 */
public record OutgoingMail(String kind, String inquiryMessageId, String recipient, List<String> envelopeTo,
                           String messageId, String threadId, String sender, byte[] mime) {
    public OutgoingMail {
        envelopeTo = List.copyOf(envelopeTo);
    }
}
