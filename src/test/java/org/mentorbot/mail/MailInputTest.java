package org.mentorbot.mail;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

class MailInputTest {

    /** Three messages; the second has an mboxrd-escaped body line and a prose "From " line after a blank line. */
    static final String MBOX = """
            From mboxrd@z Thu Jan  1 00:00:00 1970
            From: Alice <alice@example.org>
            Subject: first
            Message-ID: <1@example.org>

            Hello from Alice.

            From bob@example.org Mon Mar  2 10:00:00 2015
            From: Bob <bob@example.org>
            Subject: second
            Message-ID: <2@example.org>

            >From the start, this line was escaped.
            >>From this one twice.

            From what I read, this is prose and not a separator.

            From mboxrd@z Thu Jan  1 00:00:00 1970
            From: Carol <carol@example.org>
            Subject: third
            Message-ID: <3@example.org>

            Bye.
            """;

    @TempDir
    Path tmp;

    private final List<RawMessage> messages = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private void read(Path... inputs) throws MailInputException {
        MailInput.read(List.of(inputs), messages::add, warnings::add);
    }

    private List<String> sources() {
        return messages.stream().map(RawMessage::source).toList();
    }

    private String text(int i) {
        return new String(messages.get(i).bytes(), UTF_8);
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(MailInputTest.class.getResource("/" + name).toURI());
    }

    @Test
    void readsASingleEmlFileWithItsPathAsSource() throws Exception {
        Path eml = resource("messages/git-108.eml");
        read(eml);
        assertThat(sources()).containsExactly(eml.toString());
        assertThat(messages.get(0).bytes()).isEqualTo(Files.readAllBytes(eml));
        assertThat(warnings).isEmpty();
    }

    @Test
    void readsADirectoryRecursivelyInNameOrderSkippingDotfiles() throws Exception {
        Path dir = tmp.resolve("mail");
        Files.createDirectories(dir.resolve("b-sub"));
        Files.writeString(dir.resolve("c.eml"), "Subject: c\n\nc\n");
        Files.writeString(dir.resolve("a.eml"), "Subject: a\n\na\n");
        Files.writeString(dir.resolve("b-sub/x.eml"), "Subject: x\n\nx\n");
        Files.writeString(dir.resolve(".hidden.eml"), "Subject: hidden\n\nh\n");
        read(dir);
        assertThat(sources()).containsExactly(dir.resolve("a.eml").toString(), dir.resolve("b-sub/x.eml").toString(),
                dir.resolve("c.eml").toString());
    }

    @Test
    void readsMaildirNewThenCurAndSkipsTmp() throws Exception {
        Path md = tmp.resolve("Maildir");
        for (String sub : List.of("new", "cur", "tmp")) Files.createDirectories(md.resolve(sub));
        Files.writeString(md.resolve("cur/1000.A.host:2,S"), "Subject: old seen\n\nx\n");
        Files.writeString(md.resolve("cur/0999.B.host:2,S"), "Subject: older seen\n\nx\n");
        Files.writeString(md.resolve("new/2000.C.host"), "Subject: new\n\nx\n");
        Files.writeString(md.resolve("tmp/3000.D.host"), "Subject: half written\n\nx\n");
        Files.writeString(md.resolve("cur/.dovecot.index"), "junk");
        read(md);
        assertThat(sources()).containsExactly(md.resolve("new/2000.C.host").toString(),
                md.resolve("cur/0999.B.host:2,S").toString(), md.resolve("cur/1000.A.host:2,S").toString());
    }

    @Test
    void splitsAnMboxAndUndoesMboxrdEscaping() throws Exception {
        Path mbox = tmp.resolve("list.mbox");
        Files.writeString(mbox, MBOX);
        read(mbox);
        assertThat(sources()).containsExactly(mbox + "#1", mbox + "#2", mbox + "#3");
        assertThat(text(0)).isEqualTo("From: Alice <alice@example.org>\nSubject: first\nMessage-ID: <1@example.org>\n"
                + "\nHello from Alice.\n");
        assertThat(text(1)).contains("\nFrom the start, this line was escaped.\n>From this one twice.\n")
                .contains("\nFrom what I read, this is prose and not a separator.\n")
                .doesNotStartWith("From ");
        assertThat(text(2)).startsWith("From: Carol").endsWith("Bye.\n");
    }

    @Test
    void splitsAnMboxWithCrlfLineEndings() throws Exception {
        Path mbox = tmp.resolve("crlf.mbox");
        Files.writeString(mbox, MBOX.replace("\n", "\r\n"));
        read(mbox);
        assertThat(messages).hasSize(3);
        assertThat(text(0)).startsWith("From: Alice").endsWith("Hello from Alice.\r\n");
        assertThat(text(1)).contains("\r\nFrom the start, this line was escaped.\r\n");
    }

    @Test
    void readsGzipAndXzCompressedMboxesByMagicBytes() throws Exception {
        Path gz = tmp.resolve("list.mbox.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(MBOX.getBytes(UTF_8));
        }
        // Named like a plain file: detection must look at the bytes.
        Path xz = tmp.resolve("archive.txt");
        try (OutputStream out = new XZOutputStream(Files.newOutputStream(xz), new LZMA2Options())) {
            out.write(MBOX.getBytes(UTF_8));
        }
        read(gz, xz);
        assertThat(sources()).containsExactly(gz + "#1", gz + "#2", gz + "#3", xz + "#1", xz + "#2", xz + "#3");
        assertThat(text(4)).contains("\nFrom the start, this line was escaped.\n");
        assertThat(warnings).isEmpty();
    }

    @Test
    void readsACompressedSingleMessage() throws Exception {
        Path gz = tmp.resolve("one.eml.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("Subject: zipped\n\nbody\n".getBytes(UTF_8));
        }
        read(gz);
        assertThat(sources()).containsExactly(gz.toString());
        assertThat(text(0)).isEqualTo("Subject: zipped\n\nbody\n");
    }

    @Test
    void readsAPipermailMonthlyArchive() throws Exception {
        Path archive = resource("pipermail/2011-February.txt.gz");
        read(archive);
        assertThat(sources()).containsExactly(archive + "#1", archive + "#2");
        MailMessage student = MailParser.parse(messages.get(0));
        MailMessage mentor = MailParser.parse(messages.get(1));
        assertThat(student.from()).isEqualTo(new Address("Stéphanie Ouillon", "souillon@example.org"));
        assertThat(student.body()).contains("virtio drivers implementation");
        assertThat(mentor.from()).isEqualTo(new Address("Aggelos Economopoulos", "aoiko@cc.ece.ntua.gr"));
        assertThat(mentor.inReplyTo()).isEqualTo(student.messageId()).isEqualTo("<dfly-eval-001@eval.invalid>");
        assertThat(mentor.date()).hasToString("2011-02-24T07:43:00Z");
        MessageText answer = TextNormalizer.normalize(mentor.body());
        assertThat(answer.hasQuote()).isTrue();
        assertThat(answer.own()).contains("Unfortunately that's the only documentation")
                .doesNotContain("I'm inexperienced in the domain");
        assertThat(answer.quoted()).contains("I'm inexperienced in the domain");
    }

    @Test
    void missingInputStopsWithAOneLineMessage() {
        Path missing = tmp.resolve("x/y");
        assertThatThrownBy(() -> read(tmp.resolve("exists-not-needed"), missing))
                .isInstanceOf(MailInputException.class)
                .hasMessage("input " + tmp.resolve("exists-not-needed") + ": no such file or directory");
        assertThat(messages).isEmpty();
    }

    @Test
    void corruptCompressedFileIsAWarningAndReadingContinues() throws Exception {
        Path bad = tmp.resolve("a-bad.mbox.gz");
        byte[] gz = gzip(MBOX.getBytes(UTF_8));
        for (int i = 20; i < gz.length - 8; i++) gz[i] ^= 0x5a; // keep the magic, ruin the deflate stream
        Files.write(bad, gz);
        Path good = tmp.resolve("b-good.eml");
        Files.writeString(good, "Subject: fine\n\nok\n");
        read(bad, good);
        assertThat(warnings).singleElement().asString().contains(bad.toString()).contains("corrupt");
        assertThat(sources()).endsWith(good.toString());
    }

    @Test
    void emptyFileIsAWarning() throws Exception {
        Path empty = tmp.resolve("empty.eml");
        Files.write(empty, new byte[0]);
        read(empty);
        assertThat(messages).isEmpty();
        assertThat(warnings).singleElement().asString().contains(empty.toString()).contains("empty");
    }

    @Test
    void deliversMessagesInInputOrder() throws Exception {
        Path mbox = tmp.resolve("z.mbox");
        Files.writeString(mbox, MBOX);
        Path eml = resource("messages/git-001.eml");
        read(mbox, eml);
        assertThat(sources()).containsExactly(mbox + "#1", mbox + "#2", mbox + "#3", eml.toString());
    }

    private static byte[] gzip(byte[] data) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }
}
