package org.mentorbot.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Messages and mails for the ledger's tests. */
final class Fixtures {
    static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

    private Fixtures() {
    }

    static String uniqueName() {
        return "ledger-" + UUID.randomUUID();
    }

    static MessageRecord message(String id, String mailbox, boolean inquiry, Instant recordedAt) {
        return new MessageRecord(id, mailbox, "INBOX", 42, "<thread-" + id + ">", "student@example.org",
                "Question about " + id, T0.minusSeconds(60), inquiry, inquiry ? "idea-1" : null,
                inquiry ? "Idea one" : null, 0.75, false, inquiry, false, false, false, false, "{\"inquiry\":" + inquiry + "}", recordedAt);
    }

    static MessageRecord message(String id) {
        return message(id, "list@example.org", true, T0);
    }

    static OutgoingMail mail(String kind, MessageRecord about, String recipient, String outgoingId) {
        return new OutgoingMail(kind, about.messageId(), recipient, List.of(recipient, "cc@example.org"),
                outgoingId, about.threadId(), about.sender(),
                ("Message-ID: " + outgoingId + "\r\n\r\nHello").getBytes(StandardCharsets.UTF_8));
    }

    static OutgoingMail notification(MessageRecord about, String mentor) {
        return mail("notify", about, mentor, "<notify-" + about.messageId() + "-" + mentor + ">");
    }

    static OutgoingMail reply(MessageRecord about) {
        return mail("reply", about, about.sender(), "<reply-" + about.messageId() + ">");
    }
}
