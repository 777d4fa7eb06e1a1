package org.mentorbot.mail;

import java.nio.charset.StandardCharsets;

/** Messages built to break parsers, as an attacker would send them to a list (issue: one message stops the bot). */
public final class HostileMail {

    private HostileMail() {
    }

    /** A multipart nested {@code depth} levels deep, with a line of text at the bottom. */
    public static byte[] deepMultipart(String messageId, int depth) {
        StringBuilder b = new StringBuilder(head(messageId, "deep"))
                .append("MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b0\"\n\n");
        for (int i = 1; i < depth; i++) {
            b.append("--b").append(i - 1).append("\nContent-Type: multipart/mixed; boundary=\"b").append(i).append("\"\n\n");
        }
        b.append("--b").append(depth - 1).append("\nContent-Type: text/plain\n\nat the bottom\n");
        for (int i = depth - 1; i >= 0; i--) b.append("--b").append(i).append("--\n");
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A message whose subject is {@code replies} stacked "Re: " before a few words. */
    public static byte[] stackedReplies(String messageId, int replies) {
        return (head(messageId, "Re: ".repeat(replies) + "a question") + "\nplain text\n").getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] plain(String messageId, String subject) {
        return (head(messageId, subject) + "\nplain text\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static String head(String messageId, String subject) {
        return "From: Someone <someone@example.org>\nTo: list@example.org\nSubject: " + subject
                + "\nMessage-ID: " + messageId + "\nDate: Mon, 1 Jan 2024 10:00:00 +0000\n";
    }
}
