package org.mentorbot.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorbot.action.Fixtures.ALICE;
import static org.mentorbot.action.Fixtures.BOB;
import static org.mentorbot.action.Fixtures.BOT;
import static org.mentorbot.action.Fixtures.LIST;
import static org.mentorbot.action.Fixtures.headerNames;
import static org.mentorbot.action.Fixtures.parse;

import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mentorbot.catalog.Contact;
import org.mentorbot.catalog.Idea;
import org.mentorbot.mail.MailMessage;
import org.mentorbot.store.OutgoingMail;
import org.mentorbot.triage.Decision;

class MailComposerTest {

    private static final String MESSAGE_ID = "<[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}@lists\\.example\\.org>";
    private static final byte[] RAW = ("From: Carol <carol@uni.example>\r\nTo: devel@lists.example.org\r\n"
            + "Subject: [GSoC] Pager rewrite\r\nMessage-ID: <q1@uni.example>\r\n\r\n"
            + "Hello, I would like to work on the pager rewrite. Grüße\r\n").getBytes(StandardCharsets.UTF_8);

    private final MailComposer composer = new MailComposer(BOT, Templates.defaults());
    private final Idea pager = Fixtures.idea("Rewrite the pager in C", ALICE, BOB, LIST);

    private static MailMessage inquiry(String subject, Map<String, String> headers) {
        return Fixtures.mail("<q1@uni.example>", "Carol Student", "carol@uni.example", subject,
                List.of("<root@uni.example>"), headers);
    }

    private static List<String> addresses(Address[] a) {
        return a == null ? List.of() : Arrays.stream(a).map(x -> ((InternetAddress) x).getAddress()).toList();
    }

    @Test
    void notificationGoesPrivatelyToTheMentorsWithTheOriginalAttached() throws Exception {
        MailMessage m = inquiry("[GSoC] Pager rewrite", Map.of());
        OutgoingMail out = composer.notifyMentor(m, RAW, Fixtures.decision(m, pager), "thread-1");

        assertThat(out.kind()).isEqualTo("notify");
        assertThat(out.inquiryMessageId()).isEqualTo("<q1@uni.example>");
        assertThat(out.recipient()).isEqualTo("alice@example.org");
        assertThat(out.envelopeTo()).containsExactly("alice@example.org", "bob@example.org");
        assertThat(out.threadId()).isEqualTo("thread-1");
        assertThat(out.sender()).isEqualTo("carol@uni.example");

        MimeMessage p = parse(out.mime());
        assertThat(headerNames(p)).containsExactlyInAnyOrder("Date", "From", "To", "Message-ID", "Subject",
                "MIME-Version", "Content-Type", "Auto-Submitted", "X-Loop", "X-Auto-Response-Suppress");
        assertThat(p.getHeader("From", null)).isEqualTo("Mentor Bot <mentorbot@lists.example.org>");
        assertThat(addresses(p.getRecipients(RecipientType.TO))).containsExactly("alice@example.org", "bob@example.org");
        assertThat(p.getRecipients(RecipientType.CC)).isNull();
        assertThat(p.getSubject()).isEqualTo("[mentorbot] Inquiry about \"Rewrite the pager in C\" from Carol Student");
        assertThat(p.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(p.getHeader("X-Loop", null)).isEqualTo("mentorbot@lists.example.org");
        assertThat(p.getHeader("X-Auto-Response-Suppress", null)).isEqualTo("All");
        assertThat(p.getHeader("Precedence")).isNull();
        assertThat(p.getMessageID()).matches(MESSAGE_ID).isEqualTo(out.messageId());
        assertThat(p.getSentDate()).isNotNull();

        Multipart mixed = (Multipart) p.getContent();
        assertThat(mixed.getCount()).isEqualTo(2);
        String text = (String) mixed.getBodyPart(0).getContent();
        assertThat(text).contains("Rewrite the pager in C", "ideas-2024.md", "Confidence:  82%",
                "title-in-subject (+2.1): pager rewrite", "Faster packfile indexing",
                "Carol Student <carol@uni.example>", "[GSoC] Pager rewrite",
                "#mentorbot idea <idea-id>", "#mentorbot not-inquiry");
        Part attached = mixed.getBodyPart(1);
        assertThat(attached.isMimeType("message/rfc822")).isTrue();
        assertThat(attached.getDisposition()).isEqualTo(Part.ATTACHMENT);
        MimeMessage original = (MimeMessage) attached.getContent();
        assertThat(original.getMessageID()).isEqualTo("<q1@uni.example>");
        assertThat(original.getSubject()).isEqualTo("[GSoC] Pager rewrite");
        assertThat(rawBytes(attached)).isEqualTo(RAW);
    }

    @Test
    void notificationFallsBackToTheListContactsAndNeedsSomeone() {
        Idea listOnly = Fixtures.idea("Fuzzing", Contact.mentor("Nick", null), LIST, Contact.irc("#devel"));
        MailMessage m = inquiry("Fuzzing", Map.of());
        OutgoingMail out = composer.notifyMentor(m, RAW, Fixtures.decision(m, listOnly), "t");
        assertThat(out.envelopeTo()).containsExactly("devel@lists.example.org");

        Idea nobody = Fixtures.idea("Fuzzing", Contact.irc("#devel"));
        assertThat(composer.notifyMentor(m, RAW, Fixtures.decision(m, nobody), "t")).isNull();
    }

    @Test
    void replyIsThreadedToTheStudentWithMentorsInCc() throws Exception {
        MailMessage m = Fixtures.mail("<q1@uni.example>", "Carol Student", "carol@uni.example",
                "Re: RE: Aw: [GSoC] Pager rewrite", List.of("<root@uni.example>", "not an id", "<mid@uni.example>"),
                Map.of());
        OutgoingMail out = composer.replyToStudent(m, Fixtures.decision(m, pager), "thread-1", false,
                "devel@lists.example.org");

        assertThat(out.kind()).isEqualTo("reply");
        assertThat(out.recipient()).isEqualTo("carol@uni.example");
        assertThat(out.envelopeTo()).containsExactly("carol@uni.example", "alice@example.org", "bob@example.org");
        assertThat(out.sender()).isEqualTo("carol@uni.example");

        MimeMessage p = parse(out.mime());
        assertThat(headerNames(p)).containsExactlyInAnyOrder("Date", "From", "Reply-To", "To", "Cc", "Message-ID",
                "In-Reply-To", "References", "Subject", "MIME-Version", "Content-Type", "Content-Transfer-Encoding",
                "Auto-Submitted", "X-Loop", "X-Auto-Response-Suppress");
        assertThat(p.getHeader("To", null)).isEqualTo("Carol Student <carol@uni.example>");
        assertThat(addresses(p.getRecipients(RecipientType.CC))).containsExactly("alice@example.org", "bob@example.org");
        assertThat(p.getHeader("In-Reply-To", null)).isEqualTo("<q1@uni.example>");
        assertThat(p.getHeader("References", null).split("\\s+"))
                .containsExactly("<root@uni.example>", "<mid@uni.example>", "<q1@uni.example>");
        assertThat(p.getSubject()).isEqualTo("Re: [GSoC] Pager rewrite");
        assertThat(p.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(p.getHeader("X-Loop", null)).isEqualTo("mentorbot@lists.example.org");
        assertThat(p.getMessageID()).matches(MESSAGE_ID).isEqualTo(out.messageId());
        assertThat((String) p.getContent()).contains("\"Rewrite the pager in C\"", "Alice Mentor, Bob Mentor");
    }

    @Test
    void replyUsesReplyToButNeverTheListUnlessAskedToCopyIt() throws Exception {
        MailMessage viaReplyTo = inquiry("Pager", Map.of("Reply-To", "Carol Private <carol.private@home.example>"));
        OutgoingMail out = composer.replyToStudent(viaReplyTo, Fixtures.decision(viaReplyTo, pager), "t", true,
                "devel@lists.example.org");
        MimeMessage p = parse(out.mime());
        assertThat(addresses(p.getRecipients(RecipientType.TO))).containsExactly("carol.private@home.example");
        assertThat(addresses(p.getRecipients(RecipientType.CC)))
                .containsExactly("alice@example.org", "bob@example.org", "devel@lists.example.org");
        assertThat(out.envelopeTo()).contains("devel@lists.example.org");

        // A list that sets Reply-To to itself: the student is still answered privately at From.
        MailMessage munged = inquiry("Pager", Map.of("Reply-To", "devel@lists.example.org"));
        OutgoingMail priv = composer.replyToStudent(munged, Fixtures.decision(munged, pager), "t", false,
                "devel@lists.example.org");
        assertThat(priv.envelopeTo()).containsExactly("carol@uni.example", "alice@example.org", "bob@example.org");
    }

    @Test
    void digestIsAutoGeneratedAndListsBothKindsOfLine() throws Exception {
        OutgoingMail out = composer.digest("alice@example.org", "Alice Mentor",
                List.of(new DigestLine("2024-03-01", "Carol", "Pager rewrite", "Rewrite the pager in C",
                        "<q1@uni.example>")),
                List.of(new DigestLine("2024-03-02", "Dave", "Fuzzing?", "Fuzzing", "<q2@uni.example>")));
        assertThat(out.kind()).isEqualTo("digest");
        assertThat(out.inquiryMessageId()).isNull();
        assertThat(out.envelopeTo()).containsExactly("alice@example.org");

        MimeMessage p = parse(out.mime());
        assertThat(headerNames(p)).containsExactlyInAnyOrder("Date", "From", "To", "Message-ID", "Subject",
                "MIME-Version", "Content-Type", "Content-Transfer-Encoding", "Auto-Submitted", "X-Loop",
                "X-Auto-Response-Suppress");
        assertThat(p.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(p.getSubject()).isEqualTo("[mentorbot] Digest for Alice Mentor: 1 routed, 1 unanswered");
        assertThat(p.getMessageID()).matches(MESSAGE_ID);
        assertThat((String) p.getContent()).contains("Carol: \"Pager rewrite\" -> Rewrite the pager in C  <q1@uni.example>",
                "Dave: \"Fuzzing?\" -> Fuzzing  <q2@uni.example>");

        assertThat(composer.digest("alice@example.org", "Alice", List.of(), List.of())).isNull();
        assertThat(composer.digest("not an address", "Alice", List.of(), List.of())).isNull();
    }

    @Test
    void nonAsciiNamesAndSubjectsAreEncodedAndComeBackIntact() throws Exception {
        MailMessage m = Fixtures.mail("<q1@uni.example>", "Zoë Łukasiewicz", "zoe@uni.example",
                "Вопрос про pager 日本", List.of(), Map.of());
        MimeMessage p = parse(composer.replyToStudent(m, Fixtures.decision(m, pager), "t", false, null).mime());
        assertThat(p.getSubject()).isEqualTo("Re: Вопрос про pager 日本");
        assertThat(((InternetAddress) p.getRecipients(RecipientType.TO)[0]).getPersonal()).isEqualTo("Zoë Łukasiewicz");
        assertThat((String) p.getContent()).contains("Hello Zoë Łukasiewicz,");
        assertAsciiHeaders(composer.replyToStudent(m, Fixtures.decision(m, pager), "t", false, null).mime());
    }

    @Test
    void hostileSubjectsNamesAndIdsAddNoHeaders() throws Exception {
        String longWord = "A".repeat(5000);
        MailMessage m = Fixtures.mail("<q1@uni.example>\r\nBcc: victim@x.example",
                "Eve\r\nBcc: victim@x.example\nX-Evil: 1\0", "eve@uni.example",
                "Hi\r\nBcc: victim@x.example\nX-Evil: 1\0\u202Egnp.exe " + longWord,
                List.of("<ok@uni.example>", "<a@b>\r\nX-Evil: 1", "<bad\0id@x>", "<x@y>\nBcc: victim@x.example"),
                Map.of("Reply-To", "victim@x.example\r\nX-Evil: 1"));
        Idea evilIdea = Fixtures.idea("Title\r\nX-Evil: 1", Contact.mentor("Mal\r\nBcc: victim@x.example", "alice@example.org"));
        Decision d = Fixtures.decision(m, evilIdea);

        OutgoingMail reply = composer.replyToStudent(m, d, "t", false, null);
        OutgoingMail note = composer.notifyMentor(m, RAW, d, "t");
        for (OutgoingMail out : List.of(reply, note)) {
            MimeMessage p = parse(out.mime());
            assertThat(headerNames(p)).doesNotContain("Bcc", "X-Evil").allMatch(n -> List.of("Date", "From",
                    "Reply-To", "To", "Cc", "Message-ID", "In-Reply-To", "References", "Subject", "MIME-Version",
                    "Content-Type", "Content-Transfer-Encoding", "Auto-Submitted", "X-Loop",
                    "X-Auto-Response-Suppress").contains(n));
            assertThat(p.getRecipients(RecipientType.BCC)).isNull();
            assertThat(out.envelopeTo()).doesNotContain("victim@x.example");
            assertThat(p.getSubject()).doesNotContain("\r", "\n", "\0", "\u202E");
            assertAsciiHeaders(out.mime());
        }
        MimeMessage p = parse(reply.mime());
        // The malformed inquiry id is dropped, so the reply is not threaded under it.
        assertThat(p.getHeader("In-Reply-To")).isNull();
        assertThat(p.getHeader("References", null)).isEqualTo("<ok@uni.example>");
        assertThat(p.getSubject()).startsWith("Re: Hi Bcc: victim@x.example X-Evil: 1gnp.exe AAA").endsWith("\u2026");
        assertThat(addresses(p.getRecipients(RecipientType.TO))).containsExactly("eve@uni.example");
        assertThat(((InternetAddress) p.getRecipients(RecipientType.TO)[0]).getPersonal())
                .isEqualTo("Eve Bcc: victim@x.example X-Evil: 1");
    }

    /** Every header line is ASCII and no longer than RFC 5322's 998 characters. */
    private static void assertAsciiHeaders(byte[] mime) {
        String all = new String(mime, StandardCharsets.ISO_8859_1);
        String head = all.substring(0, all.indexOf("\r\n\r\n"));
        for (String line : head.split("\r\n", -1)) {
            assertThat(line.length()).isLessThanOrEqualTo(998);
            assertThat(line.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c < 0x7F))).as(line).isTrue();
        }
        assertThat(head.replace("\r\n", "")).doesNotContain("\r", "\n");
    }

    private static byte[] rawBytes(Part part) throws Exception {
        try (InputStream in = ((jakarta.mail.internet.MimeBodyPart) part).getRawInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
