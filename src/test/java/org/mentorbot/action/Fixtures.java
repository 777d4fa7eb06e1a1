package org.mentorbot.action;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.mentorbot.catalog.Contact;
import org.mentorbot.catalog.Idea;
import org.mentorbot.mail.Address;
import org.mentorbot.mail.MailMessage;
import org.mentorbot.triage.Decision;
import org.mentorbot.triage.Evidence;
import org.mentorbot.triage.IdeaMatch;

/** Builders for the records the action package consumes, and a parser for what it produces. */
final class Fixtures {

    static final BotIdentity BOT = new BotIdentity("mentorbot@lists.example.org", "Mentor Bot",
            "mentorbot@lists.example.org");

    static final Contact ALICE = Contact.mentor("Alice Mentor", "alice@example.org");
    static final Contact BOB = Contact.mentor("Bob Mentor", "bob@example.org");
    static final Contact LIST = Contact.list("devel@lists.example.org");

    private Fixtures() {
    }

    static Idea idea(String title, Contact... contacts) {
        return new Idea("ideas-2024.md/" + title.toLowerCase().replaceAll("[^a-z0-9]+", "-"), title,
                "Some description.", "", "", List.of(contacts), "ideas-2024.md", 2024, Idea.Status.OPEN);
    }

    static MailMessage mail(String messageId, String fromName, String fromAddress, String subject,
                            List<String> references, Map<String, String> headers) {
        Map<String, String> lower = new LinkedHashMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(), v));
        return new MailMessage("test.eml", messageId, new Address(fromName, fromAddress), List.of(), List.of(),
                subject, Instant.parse("2024-03-01T10:00:00Z"),
                references.isEmpty() ? null : references.get(references.size() - 1), references, lower,
                "Hello, I would like to work on the pager rewrite.", false);
    }

    static MailMessage listPost(String fromName, String fromAddress, String subject) {
        return mail("<q1@uni.example>", fromName, fromAddress, subject, List.of(),
                Map.of("List-Id", "Developers <devel.lists.example.org>", "Precedence", "bulk",
                        "Sender", "devel-bounces@lists.example.org",
                        "Return-Path", "<devel-bounces@lists.example.org>"));
    }

    static Decision decision(MailMessage m, Idea idea) {
        Idea runnerUp = idea("Faster packfile indexing", BOB);
        return new Decision(m, true, idea, 0.82, idea.contacts(),
                List.of(new IdeaMatch(runnerUp, 0.31, 0.5, 0.2, 0.0, List.of("text:index"))), idea,
                List.of(new Evidence("title-in-subject", 2.1, "pager rewrite"),
                        new Evidence("asks-how-to-start", 1.2, "where should I start")));
    }

    static MimeMessage parse(byte[] bytes) throws MessagingException {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
    }

    static List<String> headerNames(MimeMessage m) throws MessagingException {
        List<String> names = new ArrayList<>();
        for (Header h : java.util.Collections.list(m.getAllHeaders())) names.add(h.getName());
        return names;
    }
}
