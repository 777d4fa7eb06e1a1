package org.mentorbot.archive;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.mentorbot.mail.MailMessage;
import org.mentorbot.mail.MailParseException;
import org.mentorbot.mail.MailParser;
import org.mentorbot.mail.MessageText;
import org.mentorbot.mail.RawMessage;
import org.mentorbot.mail.TextNormalizer;

/** Small RFC 822 messages written for the archive tests. */
final class Mails {

    private Mails() {
    }

    /** A message; refs are the References (the last is also In-Reply-To); day is a day of March 2010 unless a full date. */
    static String eml(String id, String subject, String date, String body, String... refs) {
        StringBuilder s = new StringBuilder();
        s.append("From: Some One <").append(id.replaceAll("[<>@.]", "")).append("@example.org>\n");
        s.append("To: list@example.org\n");
        s.append("Subject: ").append(subject).append('\n');
        s.append("Date: ").append(date).append('\n');
        s.append("Message-ID: ").append(id).append('\n');
        if (refs.length > 0) {
            s.append("References: ").append(String.join(" ", refs)).append('\n');
            s.append("In-Reply-To: ").append(refs[refs.length - 1]).append('\n');
        }
        s.append('\n').append(body).append('\n');
        return s.toString();
    }

    static String mbox(List<String> emls) {
        StringBuilder s = new StringBuilder();
        for (String eml : emls) s.append("From someone@example.org Mon Mar  1 10:00:00 2010\n").append(eml).append('\n');
        return s.toString();
    }

    record Parsed(RawMessage raw, MailMessage message, MessageText text) {
    }

    static Parsed parse(String eml) {
        RawMessage raw = new RawMessage("test.eml", eml.getBytes(StandardCharsets.UTF_8));
        try {
            MailMessage m = MailParser.parse(raw);
            return new Parsed(raw, m, TextNormalizer.normalize(m.body()));
        } catch (MailParseException e) {
            throw new AssertionError(e);
        }
    }
}
