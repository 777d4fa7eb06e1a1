package org.mentorbot.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mentorbot.archive.Archive;
import org.mentorbot.catalog.Contact;
import org.mentorbot.catalog.Idea;
import org.mentorbot.mail.MailMessage;
import org.mentorbot.mail.MailParseException;
import org.mentorbot.mail.MailParser;
import org.mentorbot.mail.RawMessage;
import org.mentorbot.mail.TextNormalizer;
import org.mentorbot.triage.Decision;

/**
 * A small archive for the web tests: an answered inquiry, an unanswered one (with a follow-up by the asker
 * and a Message-ID full of URL metacharacters), an inquiry about no idea, a patch whose body has lines that
 * mbox must escape, and a hostile message whose subject, sender, body and idea title try to inject HTML.
 */
final class TestArchive {

    static final String XSS_SCRIPT = "<script>alert(1)</script>";
    static final String XSS_IMG = "\"><img src=x onerror=alert(1)>";

    static final Idea VIRTIO = idea("Implement virtio drivers", "aoiko@example.org");
    static final Idea HAMMER = idea("HAMMER2 compression", "matt@example.org", "tuxillo@example.org");
    static final Idea EVIL = idea("Evil " + XSS_IMG + " idea", "evil-mentor@example.org");

    static final String VIRTIO_Q = "<virtio-q@example.org>";
    static final String VIRTIO_A = "<virtio-a@example.org>";
    static final String HAMMER_Q = "<CA+hammer/2=x&y%41@mail.example.com>";
    static final String HAMMER_FOLLOW_UP = "<hammer-follow-up@example.org>";
    static final String GENERAL_Q = "<general-q@example.org>";
    static final String PATCH = "<patch-1@example.org>";
    static final String XSS = "<xss-1@example.org>";

    /** The messages' raw bytes by Message-ID, in the order added. */
    final java.util.Map<String, byte[]> raw = new java.util.LinkedHashMap<>();

    private TestArchive() {
    }

    static TestArchive build(Path dir) throws IOException {
        TestArchive t = new TestArchive();
        try (Archive archive = Archive.open(dir)) {
            t.add(archive, eml(VIRTIO_Q, "Stéphanie Student <student1@example.org>", "GSoC: about virtio drivers",
                    "Wed, 23 Feb 2011 10:00:00 +0000",
                    "Hello,\n\nI am interested in the virtio drivers project. Where do I start?\n\nStéphanie\n"), inquiry(VIRTIO));
            t.add(archive, eml(VIRTIO_A, "Aggelos Mentor <aoiko@example.org>", "Re: GSoC: about virtio drivers",
                    "Thu, 24 Feb 2011 08:00:00 +0000",
                    "> Where do I start?\n\nRead the virtio specification first, then the vring code.\n", VIRTIO_Q), null);
            t.add(archive, eml(HAMMER_Q, "Hana Student <student2@example.org>", "Question about HAMMER2 compression",
                    "Mon, 05 Mar 2012 09:00:00 +0000",
                    "Hi,\n\nI would like to work on HAMMER2 compression this summer. Which algorithms are wanted?\n"), inquiry(HAMMER));
            t.add(archive, eml(HAMMER_FOLLOW_UP, "Hana Student <student2@example.org>", "Re: Question about HAMMER2 compression",
                    "Wed, 07 Mar 2012 09:00:00 +0000", "Hi again,\n\nanyone? I have read the LZ4 paper meanwhile.\n", HAMMER_Q),
                    null);
            t.add(archive, eml(GENERAL_Q, "Gustav Student <student3@example.org>", "How do I get started with GSoC?",
                    "Thu, 10 Jan 2013 12:00:00 +0000", "Hello,\n\nI would like to take part in GSoC. How do I get started?\n"),
                    inquiry(null));
            t.add(archive, eml(PATCH, "Dev Eloper <dev@example.org>", "[PATCH] virtio: fix the ring index",
                    "Wed, 01 May 2013 12:00:00 +0000",
                    "The ring index wrapped too early.\nFrom the start this was broken.\n>From here on it works.\n"), null);
            t.add(archive, eml(XSS, "=?utf-8?q?=3Cscript=3Ealert=281=29=3C/script=3E?= <evil@example.org>",
                    XSS_SCRIPT + " " + XSS_IMG, "Wed, 01 Jan 2014 12:00:00 +0000",
                    "This payload wants to run: " + XSS_SCRIPT + " and " + XSS_IMG + "\n"
                            + "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 1\">\n"
                            + "</pre></main><script>window.__pwned = 1</script>\n"), inquiry(EVIL));
            archive.commit();
        }
        return t;
    }

    static Idea idea(String title, String... mentors) {
        List<Contact> contacts = new ArrayList<>();
        for (String m : mentors) contacts.add(Contact.mentor(null, m));
        return new Idea("ideas-2011.txt/" + title.toLowerCase().replaceAll("[^a-z0-9]+", "-"), title, "", "", "",
                contacts, "ideas-2011.txt", 2011, Idea.Status.OPEN);
    }

    /** What triage would decide for an inquiry about idea (null: about no listed idea). */
    private static Decision inquiry(Idea idea) {
        return new Decision(null, true, idea, 0.9, idea == null ? List.of() : idea.contacts(), List.of(), idea, List.of());
    }

    static String eml(String id, String from, String subject, String date, String body, String... refs) {
        StringBuilder s = new StringBuilder();
        s.append("From: ").append(from).append('\n');
        s.append("To: kernel@example.org\n");
        s.append("Subject: ").append(subject).append('\n');
        s.append("Date: ").append(date).append('\n');
        s.append("Message-ID: ").append(id).append('\n');
        s.append("List-Id: DragonFly kernel list <kernel.dragonflybsd.org>\n");
        if (refs.length > 0) {
            s.append("References: ").append(String.join(" ", refs)).append('\n');
            s.append("In-Reply-To: ").append(refs[refs.length - 1]).append('\n');
        }
        s.append("MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n");
        s.append('\n').append(body);
        return s.toString();
    }

    private void add(Archive archive, String eml, Decision decision) throws IOException {
        byte[] bytes = eml.getBytes(StandardCharsets.UTF_8);
        RawMessage rawMessage = new RawMessage("test.eml", bytes);
        MailMessage m;
        try {
            m = MailParser.parse(rawMessage);
        } catch (MailParseException e) {
            throw new AssertionError(e);
        }
        Decision d = decision == null ? null : new Decision(m, decision.inquiry(), decision.idea(), decision.confidence(),
                decision.contacts(), decision.alternatives(), decision.threadIdea(), decision.evidence());
        if (!archive.add(rawMessage, m, TextNormalizer.normalize(m.body()), d, null)) {
            throw new AssertionError("added twice: " + m.messageId());
        }
        raw.put(m.messageId(), bytes);
    }
}
