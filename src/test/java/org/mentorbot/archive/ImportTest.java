package org.mentorbot.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.document.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentorbot.cli.CliRunner;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

class ImportTest {

    @TempDir
    Path tmp;

    static CliRunner.Result cli(String... args) {
        return CliRunner.run(args);
    }

    static List<String> messages(String prefix, int n) {
        List<String> emls = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String id = "<" + prefix + i + "@example.org>";
            String date = String.format("Mon, %02d Mar 2010 10:00:00 +0000", i);
            emls.add(i == 1 ? Mails.eml(id, "topic " + prefix, date, "first " + i)
                    : Mails.eml(id, "Re: topic " + prefix, date, "reply " + i, "<" + prefix + "1@example.org>"));
        }
        return emls;
    }

    private Path write(String name, String content) throws IOException {
        Path file = tmp.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    private Path compressed(String name, String content, boolean xz) throws IOException {
        Path file = tmp.resolve(name);
        try (OutputStream out = xz ? new XZOutputStream(Files.newOutputStream(file), new LZMA2Options())
                : new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private Document stored(Archive archive, String id) throws IOException {
        IndexSearcher searcher = archive.searcher();
        try {
            TopDocs hits = searcher.search(new TermQuery(new Term(ArchiveFields.ID, Threader.key(id))), 1);
            assertThat(hits.scoreDocs).as(id).hasSize(1);
            return searcher.storedFields().document(hits.scoreDocs[0].doc);
        } finally {
            archive.release(searcher);
        }
    }

    @Test
    void importsEveryKindOfInput() throws IOException {
        Path eml = write("single.eml", messages("e", 1).get(0));
        List<String> dirMails = messages("d", 2);
        write("dir/1.eml", dirMails.get(0));
        write("dir/2.eml", dirMails.get(1));
        List<String> maildirMails = messages("m", 2);
        write("maildir/cur/1:2,S", maildirMails.get(0));
        write("maildir/new/2", maildirMails.get(1));
        Files.createDirectories(tmp.resolve("maildir/tmp"));
        Path mbox = write("plain.mbox", Mails.mbox(messages("p", 3)));
        Path gz = compressed("g.mbox.gz", Mails.mbox(messages("g", 2)), false);
        Path xz = compressed("x.mbox.xz", Mails.mbox(messages("x", 2)), true);
        Path archiveDir = tmp.resolve("archive");

        CliRunner.Result run = cli("import", "--archive", archiveDir.toString(), "--catalog", "config/catalogs", "--list", "test",
                eml.toString(), tmp.resolve("dir").toString(), tmp.resolve("maildir").toString(), mbox.toString(),
                gz.toString(), xz.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("imported 12 messages (0 already archived, 0 unreadable)");
        try (Archive archive = Archive.open(archiveDir)) {
            assertThat(archive.count()).isEqualTo(12);
            for (String prefix : List.of("d", "m", "p", "g", "x")) {
                assertThat(archive.threadOf("<" + prefix + "2@example.org>")).hasValue("<" + prefix + "1@example.org>");
            }
            assertThat(archive.threadMembers("<p1@example.org>")).hasSize(3);
            assertThat(stored(archive, "<e1@example.org>").get(ArchiveFields.LIST)).isEqualTo("test");
        }
    }

    @Test
    void aPipermailArchiveIsOneThreadWithTheStudentsInquiryRouted() throws IOException {
        Path archiveDir = tmp.resolve("archive");
        CliRunner.Result run = cli("import", "--archive", archiveDir.toString(), "--catalog", "config/catalogs",
                "src/test/resources/pipermail/2011-February.txt.gz");

        assertThat(run.exitCode()).as(run.err()).isZero();
        try (Archive archive = Archive.open(archiveDir)) {
            assertThat(archive.count()).isEqualTo(2);
            assertThat(archive.threadMembers("<dfly-eval-001@eval.invalid>"))
                    .containsExactly("<dfly-eval-001@eval.invalid>", "<seed004-answer@eval.invalid>");
            Document student = stored(archive, "<dfly-eval-001@eval.invalid>");
            assertThat(student.get(ArchiveFields.INQUIRY)).isEqualTo("true");
            assertThat(student.get(ArchiveFields.IDEA_TITLE)).containsIgnoringCase("virtio");
            assertThat(student.getValues(ArchiveFields.MENTOR)).contains("aoiko@cc.ece.ntua.gr");
            assertThat(stored(archive, "<seed004-answer@eval.invalid>").get(ArchiveFields.INQUIRY)).isEqualTo("false");
            IndexSearcher searcher = archive.searcher();
            try {
                assertThat(searcher.count(new TermQuery(new Term(ArchiveFields.INQUIRY, "true")))).isEqualTo(1);
                assertThat(searcher.count(new TermQuery(new Term(ArchiveFields.BODY, "virtio")))).isEqualTo(2);
            } finally {
                archive.release(searcher);
            }
        }
    }

    @Test
    void reImportingChangesNothingAndSaysSo() throws IOException {
        Path mbox = write("list.mbox", Mails.mbox(messages("r", 4)));
        Path archiveDir = tmp.resolve("archive");
        cli("import", "--archive", archiveDir.toString(), "--catalog", "config/catalogs", mbox.toString());

        CliRunner.Result again = cli("import", "--archive", archiveDir.toString(), "--catalog", "config/catalogs", mbox.toString());

        assertThat(again.exitCode()).isZero();
        assertThat(again.out().strip()).matches(
                "imported 0 messages \\(4 already archived, 0 unreadable\\) in \\d+\\.\\d s, \\d+ messages/s, index \\d+\\.\\d MB");
        try (Archive archive = Archive.open(archiveDir)) {
            assertThat(archive.count()).isEqualTo(4);
        }
    }

    @Test
    void anInterruptedImportResumesWithoutDuplicates() throws IOException {
        List<String> all = messages("h", 6);
        Path half = write("half.mbox", Mails.mbox(all.subList(0, 3)));
        Path full = write("full.mbox", Mails.mbox(all));
        Path archiveDir = tmp.resolve("archive");
        cli("import", "--archive", archiveDir.toString(), "--catalog", "config/catalogs", "--commit-every", "1", half.toString());

        CliRunner.Result rest = cli("import", "--archive", archiveDir.toString(), "--catalog", "config/catalogs", full.toString());

        assertThat(rest.out()).contains("imported 3 messages (3 already archived, 0 unreadable)");
        try (Archive archive = Archive.open(archiveDir)) {
            assertThat(archive.count()).isEqualTo(6);
            assertThat(archive.threadMembers("<h1@example.org>")).hasSize(6);
        }
    }

    @Test
    void stopEndsTheRunWithACommit() throws Exception {
        Path mbox = write("list.mbox", Mails.mbox(messages("s", 5)));
        Path archiveDir = tmp.resolve("archive");
        try (Archive archive = Archive.open(archiveDir)) {
            Importer[] importer = new Importer[1];
            List<String> warnings = new ArrayList<>();
            importer[0] = new Importer(archive, null, null, 100, warnings::add, null);
            importer[0].stop();
            ImportStats stats = importer[0].run(List.of(mbox));
            assertThat(stats.interrupted()).isTrue();
            assertThat(stats.imported()).isLessThan(5);
        }
    }

    @Test
    void unreadableMessagesAreWarnedAboutAndSkipped() throws IOException {
        Path good = write("in/a.eml", messages("u", 1).get(0));
        write("in/b.eml", "%PDF-1.4 not a mail message at all\n");
        CliRunner.Result run = cli("import", "--archive", tmp.resolve("archive").toString(), "--catalog", "config/catalogs",
                good.getParent().toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("mentorbot: warning:").contains("b.eml");
        assertThat(run.out()).contains("imported 1 messages (0 already archived, 1 unreadable)");
    }

    @Test
    void aMissingInputIsOneLineErrorAndExitCodeTwo() {
        CliRunner.Result run = cli("import", "--archive", tmp.resolve("archive").toString(), tmp.resolve("nope.mbox").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("mentorbot: input ").endsWith("no such file or directory")
                .doesNotContain("\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aHostileMessageIsArchivedAsUnreadableAndTheImportGoesOnAndResumes() throws IOException {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        Files.write(in.resolve("1.eml"), org.mentorbot.mail.HostileMail.plain("<one@x>", "first"));
        Files.write(in.resolve("2.eml"), org.mentorbot.mail.HostileMail.deepMultipart("<deep@x>", 10_000));
        Files.write(in.resolve("3.eml"), org.mentorbot.mail.HostileMail.stackedReplies("<stacked@x>", 1_000));
        Path archive = tmp.resolve("archive");

        CliRunner.Result first = CliRunner.importInto(archive, in.toString());
        assertThat(first.out()).contains("2 messages").contains("1 unreadable");
        assertThat(first.err()).contains("2.eml").contains("nested more than");
        assertThat(cli("search", "--archive", archive.toString(), "is:unreadable").out()).contains("<deep@x>");
        assertThat(cli("search", "--archive", archive.toString(), "question").out()).contains("a question");

        CliRunner.Result again = CliRunner.importInto(archive, in.toString());
        assertThat(again.out()).contains("0 messages").contains("3 already archived");
        assertThat(again.err()).doesNotContain("nested");
    }
}
