package org.mentorbot.mail;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MailParserTest {

    static MailMessage parseResource(String name) throws Exception {
        Path path = MailInputTest.resource("messages/" + name);
        return MailParser.parse(new RawMessage(path.toString(), Files.readAllBytes(path)));
    }

    static MailMessage parse(String text) throws MailParseException {
        return MailParser.parse(new RawMessage("test.eml", text.getBytes(UTF_8)));
    }

    @Test
    void parsesEveryDevMessage() throws Exception {
        Path dir = MailInputTest.resource("messages");
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(50);
        for (Path file : files) {
            MailMessage m = MailParser.parse(new RawMessage(file.toString(), Files.readAllBytes(file)));
            assertThat(m.messageId()).as(file.toString()).startsWith("<").endsWith(">");
            assertThat(m.from()).as(file.toString()).isNotNull();
            assertThat(m.subject()).as(file.toString()).isNotBlank();
            assertThat(m.date()).as(file.toString()).isNotNull();
            assertThat(m.body()).as(file.toString()).isNotBlank().doesNotContain("\r");
        }
    }

    @Test
    void decodesQuotedPrintableBodies() throws Exception {
        MailMessage m = parseResource("git-009.eml");
        assertThat(m.body()).contains("adding a \"--literally\" option")
                .contains("“tag -l” and “for-each-refs” work")
                .doesNotContain("=20").doesNotContain("=E2=80");
        assertThat(m.subject()).isEqualTo("[RFC/GSoC] Proposal Draft: Unifying git branch -l, git tag -l, and git for-each-ref");
        assertThat(m.messageId()).isEqualTo("<55101080.90805@gmail.com>");
        MailMessage m21 = parseResource("git-021.eml");
        assertThat(m21.body()).doesNotContain("=\n").doesNotContain("=3D");
    }

    @Test
    void decodesAFoldedEncodedWordSubject() throws Exception {
        MailMessage m = parseResource("git-108.eml");
        assertThat(m.subject()).isEqualTo("[GSoC] Convert “git stash” to builtin proposal");
        assertThat(m.header("Subject")).isEqualTo(m.subject());
        assertThat(m.from()).isEqualTo(new Address("Paul-Sebastian Ungureanu", "ungureanupaulsebastian@gmail.com"));
        assertThat(m.to()).containsExactly(new Address("Git Mailing List", "git@vger.kernel.org"));
    }

    @Test
    void readsHeadersRepliesAndAddresses() throws Exception {
        MailMessage m = parse("""
                From: =?ISO-8859-1?Q?J=F6rg?= Doe <JOERG@Example.ORG>
                To: a@example.org, "Doe, Jane" <jane@example.org>
                To: second@example.org
                Cc: undisclosed-recipients:;
                Subject: =?UTF-8?B?SGVsbG8gd29ybGQ=?=
                X-Long: one
                  two
                In-Reply-To: Your message of "Wed, 23 Feb 2011 10:00:00 +0100"
                    <abc.123@host.example>
                References: <r1@x> <r2@x>
                Date: Sun,  2 Apr 2017 21:43:56 +0200 (CEST)

                body
                """);
        assertThat(m.from()).isEqualTo(new Address("Jörg Doe", "joerg@example.org"));
        assertThat(m.to()).containsExactly(new Address(null, "a@example.org"), new Address("Doe, Jane", "jane@example.org"),
                new Address(null, "second@example.org"));
        assertThat(m.cc()).isEmpty();
        assertThat(m.subject()).isEqualTo("Hello world");
        assertThat(m.header("x-long")).isEqualTo("one  two");
        assertThat(m.inReplyTo()).isEqualTo("<abc.123@host.example>");
        assertThat(m.references()).containsExactly("<r1@x>", "<r2@x>", "<abc.123@host.example>");
        assertThat(m.date()).hasToString("2017-04-02T19:43:56Z");
        assertThat(m.body()).isEqualTo("body\n");
    }

    @Test
    void toleratesRaw8BitHeaders() throws Exception {
        byte[] latin1 = "From: Stéphane <s@example.fr>\nSubject: Numéro\n\nvoilà\n".getBytes(ISO_8859_1);
        MailMessage m = MailParser.parse(new RawMessage("latin1.eml", latin1));
        assertThat(m.from().name()).isEqualTo("Stéphane");
        assertThat(m.subject()).isEqualTo("Numéro");
        assertThat(m.body()).isEqualTo("voilà\n");
        MailMessage u = parse("From: Stéphanie Ouillon\nSubject: café\n\nx\n");
        assertThat(u.from()).isEqualTo(new Address("Stéphanie Ouillon", null));
        assertThat(u.subject()).isEqualTo("café");
    }

    @Test
    void deobfuscatesPipermailAddresses() throws Exception {
        MailMessage m = parse("From: aoiko at cc.ece.ntua.gr (Aggelos Economopoulos)\nSubject: x\n\nx\n");
        assertThat(m.from()).isEqualTo(new Address("Aggelos Economopoulos", "aoiko@cc.ece.ntua.gr"));
        MailMessage comment = parse("From: aoiko@cc.ece.ntua.gr (Aggelos Economopoulos)\nSubject: x\n\nx\n");
        assertThat(comment.from()).isEqualTo(m.from());
    }

    @Test
    void synthesisesAStableMessageIdWhenMissing() throws Exception {
        String text = "From: a@example.org\nSubject: no id\n\nbody\n";
        MailMessage a = parse(text);
        assertThat(a.messageId()).matches("<[0-9a-f]{40}@mentorbot\\.invalid>").isEqualTo(parse(text).messageId());
        assertThat(parse(text + "more\n").messageId()).isNotEqualTo(a.messageId());
    }

    @Test
    void decodesBase64PartsAndJoinsPlainParts() throws Exception {
        MailMessage m = parse("""
                From: a@example.org
                Subject: parts
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="XX"

                preamble is not text
                --XX
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: base64

                SGFsbG8gd8O2cmxkCg==
                --XX
                Content-Type: image/png
                Content-Transfer-Encoding: base64

                iVBORw0KGgo=
                --XX
                Content-Type: text/plain

                second part
                --XX--
                """);
        assertThat(m.body()).isEqualTo("Hallo wörld\nsecond part\n");
        assertThat(m.attachedPatch()).isFalse();
    }

    @Test
    void prefersTextPlainInMultipartAlternative() throws Exception {
        MailMessage m = parse("""
                From: a@example.org
                Subject: alt
                Content-Type: multipart/alternative; boundary=b1

                --b1
                Content-Type: text/plain; charset=us-ascii

                plain version
                --b1
                Content-Type: text/html; charset=us-ascii

                <p>html version</p>
                --b1--
                """);
        assertThat(m.body()).isEqualTo("plain version\n");
    }

    @Test
    void convertsHtmlOnlyMailToTextWithQuotes() throws Exception {
        MailMessage m = parse("""
                From: a@example.org
                Subject: html
                Content-Type: text/html; charset=utf-8
                Content-Transfer-Encoding: quoted-printable

                <html><head><style>p {color: red}</style></head><body>
                <p>I am interested in the <b>virtio</b> idea.</p><p>Second=20
                paragraph<br>next line</p>
                <div>On Monday Bob wrote:</div>
                <blockquote><p>Are you a student?</p><blockquote>nested</blockquote></blockquote>
                <p>Yes I am.</p></body></html>
                """);
        assertThat(m.body()).contains("I am interested in the virtio idea.\n\nSecond paragraph\nnext line")
                .contains("> Are you a student?").contains("> > nested").doesNotContain("color: red")
                .doesNotContain("<p>");
        MessageText text = TextNormalizer.normalize(m.body());
        assertThat(text.own()).contains("I am interested in the virtio idea.").contains("Yes I am.")
                .doesNotContain("Are you a student");
        assertThat(text.quoted()).contains("Are you a student?");
    }

    @Test
    void fallsBackWhenTheCharsetIsBrokenOrWrong() throws Exception {
        byte[] bytes = ("From: a@example.org\nSubject: cs\nContent-Type: text/plain; charset=\"x-unknown-charset\"\n\n"
                + "na\u00efve caf\u00e9\n").getBytes(UTF_8);
        assertThat(MailParser.parse(new RawMessage("u.eml", bytes)).body()).isEqualTo("naïve café\n");
        byte[] latin = ("From: a@example.org\nSubject: cs\nContent-Type: text/plain; charset=utf-8\n\n"
                + "na\u00efve caf\u00e9\n").getBytes(ISO_8859_1);
        assertThat(MailParser.parse(new RawMessage("l.eml", latin)).body()).isEqualTo("naïve café\n");
        byte[] koi8 = "From: a@example.org\nSubject: cs\nContent-Type: text/plain; charset=koi8-r\n\n"
                .getBytes(UTF_8);
        byte[] body = "Привет\n".getBytes(java.nio.charset.Charset.forName("KOI8-R"));
        byte[] all = new byte[koi8.length + body.length];
        System.arraycopy(koi8, 0, all, 0, koi8.length);
        System.arraycopy(body, 0, all, koi8.length, body.length);
        assertThat(MailParser.parse(new RawMessage("k.eml", all)).body()).isEqualTo("Привет\n");
    }

    @Test
    void flagsPatchAttachmentsAndKeepsThemOutOfTheBody() throws Exception {
        MailMessage m = parse("""
                From: a@example.org
                Subject: my patch
                Content-Type: multipart/mixed; boundary=zz

                --zz
                Content-Type: text/plain

                Please review the attached patch.
                --zz
                Content-Type: text/plain; name="0001-fix.patch"
                Content-Disposition: attachment; filename="0001-fix.patch"

                diff --git a/x b/x
                --zz--
                """);
        assertThat(m.attachedPatch()).isTrue();
        assertThat(m.body()).isEqualTo("Please review the attached patch.\n");
        MailMessage typed = parse("From: a@example.org\nSubject: p\nContent-Type: multipart/mixed; boundary=q\n\n"
                + "--q\nContent-Type: text/plain\n\nsee diff\n--q\nContent-Type: text/x-diff\n\n--- a\n+++ b\n--q--\n");
        assertThat(typed.attachedPatch()).isTrue();
        assertThat(typed.body()).isEqualTo("see diff\n");
    }

    @Test
    void joinsFormatFlowedLines() throws Exception {
        MailMessage m = parse("From: a@example.org\nSubject: f\nContent-Type: text/plain; format=flowed\n\n"
                + "This is a long \nparagraph.\n> quoted \n> text\nplain\n");
        assertThat(m.body()).isEqualTo("This is a long paragraph.\n> quoted text\nplain\n");
    }

    @Test
    void skipsAnMboxEnvelopeLineInASingleFile() throws Exception {
        MailMessage m = parse("From someone@example.org Mon Jan  1 00:00:00 2018\nSubject: s\nFrom: x@y.org\n\nb\n");
        assertThat(m.subject()).isEqualTo("s");
        assertThat(m.from().email()).isEqualTo("x@y.org");
    }

    @Test
    void rejectsInputsThatAreNotMail() {
        byte[] pdf = "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\n".getBytes(ISO_8859_1);
        assertThatThrownBy(() -> MailParser.parse(new RawMessage("docs/paper.pdf", pdf)))
                .isInstanceOf(MailParseException.class).hasMessage("docs/paper.pdf: not a mail message");
        byte[] jpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0};
        assertThatThrownBy(() -> MailParser.parse(new RawMessage("photo.jpg", jpeg)))
                .isInstanceOf(MailParseException.class).hasMessageStartingWith("photo.jpg: ");
        assertThatThrownBy(() -> parse("I would like to work on the virtio project: is it still open?\n"))
                .isInstanceOf(MailParseException.class).hasMessage("test.eml: not a mail message");
        assertThatThrownBy(() -> parse("<!DOCTYPE html>\n<html><body>Hi</body></html>\n"))
                .isInstanceOf(MailParseException.class).hasMessage("test.eml: not a mail message");
        assertThatThrownBy(() -> parse("Note: this looks like a header\nbut: none of the mail ones\n\nbody\n"))
                .isInstanceOf(MailParseException.class).hasMessage("test.eml: not a mail message");
        assertThatThrownBy(() -> MailParser.parse(new RawMessage("empty.eml", new byte[0])))
                .isInstanceOf(MailParseException.class).hasMessage("empty.eml: not a mail message");
    }

    @Test
    void aMultipartNestedDeeperThanMailEverIsIsRefusedWithAReasonNotAStackOverflow() throws Exception {
        RawMessage deep = new RawMessage("deep.eml", HostileMail.deepMultipart("<deep@x>", 10_000));
        assertThatThrownBy(() -> MailParser.parse(deep))
                .isInstanceOf(MailParseException.class)
                .hasMessageContaining("deep.eml").hasMessageContaining("nested more than " + MailParser.MAX_MULTIPART_DEPTH);
        MailMessage nested = MailParser.parse(new RawMessage("nested.eml",
                HostileMail.deepMultipart("<nested@x>", MailParser.MAX_MULTIPART_DEPTH)));
        assertThat(nested.body()).contains("at the bottom");
    }

    @Test
    void aMessageWithoutAnIdIsKnownByTheSameIdWhetherParsedOrScanned() throws Exception {
        byte[] raw = "From: a@b.c\nSubject: no id\n\ntext\n".getBytes(UTF_8);
        assertThat(HeaderScan.idOf(raw)).isEqualTo(MailParser.parse(new RawMessage("x", raw)).messageId())
                .endsWith("@mentorbot.invalid>");
        assertThat(HeaderScan.idOf(HostileMail.plain("<given@x>", "s"))).isEqualTo("<given@x>");
    }
}
