package org.mentorbot.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentorbot.mail.HeaderScan;

class ArchiveTest {

    @TempDir
    Path dir;

    static final String PARENT = Mails.eml("<Parent@example.org>", "virtio drivers", "Mon, 01 Mar 2010 10:00:00 +0000",
            "Where do I start with virtio?");
    static final String CHILD = Mails.eml("<child@example.org>", "Re: virtio drivers", "Tue, 02 Mar 2010 10:00:00 +0000",
            "> Where do I start?\nRead the NetBSD driver first.", "<Parent@example.org>");

    private static boolean add(Archive archive, String eml) throws IOException {
        Mails.Parsed p = Mails.parse(eml);
        return archive.add(p.raw(), p.message(), p.text(), null, "dfly");
    }

    private static String storedThread(Archive archive, String messageId) throws IOException {
        IndexSearcher searcher = archive.searcher();
        try {
            TopDocs hits = searcher.search(new TermQuery(new Term(ArchiveFields.ID, Threader.key(messageId))), 1);
            assertThat(hits.scoreDocs).hasSize(1);
            return searcher.storedFields().document(hits.scoreDocs[0].doc).get(ArchiveFields.THREAD);
        } finally {
            archive.release(searcher);
        }
    }

    @Test
    void addingTheSameMessageTwiceIsANoOp() throws IOException {
        try (Archive archive = Archive.open(dir)) {
            assertThat(add(archive, PARENT)).isTrue();
            assertThat(add(archive, PARENT)).isFalse();
            archive.commit();
            assertThat(add(archive, PARENT)).isFalse();
            assertThat(archive.count()).isEqualTo(1);
        }
    }

    @Test
    void rawBytesComeBackUnchanged() throws IOException {
        String withUmlauts = Mails.eml("<u@example.org>", "=?utf-8?q?Gr=C3=BC=C3=9Fe?=", "Mon, 01 Mar 2010 10:00:00 +0000",
                "Grüße aus Köln\r\n\tand a tab");
        try (Archive archive = Archive.open(dir)) {
            add(archive, withUmlauts);
            archive.commit();
            assertThat(archive.raw("<U@example.org>")).hasValueSatisfying(
                    bytes -> assertThat(bytes).isEqualTo(Mails.parse(withUmlauts).raw().bytes()));
            assertThat(archive.raw("<missing@example.org>")).isEmpty();
        }
    }

    @Test
    void aParentArrivingAfterItsChildRewritesTheChildsThread() throws IOException {
        try (Archive archive = Archive.open(dir)) {
            add(archive, CHILD);
            archive.commit();
            assertThat(storedThread(archive, "<child@example.org>")).isEqualTo("<child@example.org>");

            add(archive, PARENT);
            archive.commit();

            assertThat(storedThread(archive, "<child@example.org>")).isEqualTo("<Parent@example.org>");
            assertThat(storedThread(archive, "<Parent@example.org>")).isEqualTo("<Parent@example.org>");
            assertThat(archive.threadMembers("<parent@example.org>"))
                    .containsExactly("<Parent@example.org>", "<child@example.org>");
            assertThat(archive.count()).isEqualTo(2);
        }
    }

    @Test
    void threadsAndIdsSurviveReopening() throws IOException {
        try (Archive archive = Archive.open(dir)) {
            add(archive, CHILD);
            archive.commit();
        }
        try (Archive archive = Archive.open(dir)) {
            assertThat(archive.count()).isEqualTo(1);
            assertThat(archive.contains("<child@example.org>")).isTrue();
            assertThat(add(archive, CHILD)).isFalse();
            add(archive, PARENT);
            archive.commit();
            assertThat(archive.threadOf("<child@example.org>")).hasValue("<Parent@example.org>");
            assertThat(storedThread(archive, "<child@example.org>")).isEqualTo("<Parent@example.org>");
        }
    }

    @Test
    void whatWasNotCommittedIsGoneAfterClose() throws IOException {
        try (Archive archive = Archive.open(dir)) {
            add(archive, PARENT);
            archive.commit();
            add(archive, CHILD);
            assertThat(archive.count()).isEqualTo(2);
        }
        try (Archive archive = Archive.open(dir)) {
            assertThat(archive.count()).isEqualTo(1);
            assertThat(archive.contains("<child@example.org>")).isFalse();
            assertThat(archive.sizeBytes()).isPositive();
        }
    }

    @Test
    void commitMergedCommitsEverythingAndLeavesFewSegments() throws IOException {
        try (Archive archive = Archive.open(dir)) {
            for (int i = 0; i < 40; i++) {
                add(archive, Mails.eml("<m" + i + "@example.org>", "topic " + i, "Mon, 01 Mar 2010 10:00:00 +0000", "text " + i));
                archive.commit(); // one small segment each, as a daemon's polls or an import's commits write them
            }
            archive.commitMerged();
        }
        try (org.apache.lucene.store.Directory directory = org.apache.lucene.store.FSDirectory.open(dir);
             org.apache.lucene.index.DirectoryReader reader = org.apache.lucene.index.DirectoryReader.open(directory)) {
            assertThat(reader.numDocs()).isEqualTo(40);
            assertThat(reader.leaves()).as("segments left").hasSizeLessThanOrEqualTo(10);
        }
    }

    @Test
    void headerScanFindsTheIdTheParserFinds() {
        String folded = "From x Mon Mar  1 10:00:00 2010\nSubject: s\nMessage-Id:\n <abc.def@host.example>\n\nbody\n";
        assertThat(HeaderScan.messageId(folded.getBytes())).isEqualTo("<abc.def@host.example>");
        assertThat(HeaderScan.messageId("Subject: s\n\nMessage-ID: <in@body>\n".getBytes())).isNull();
    }
    @Test
    void anEndlessHostileMessageIdIsArchivedAndFoundLikeAnyOther() throws IOException {
        String endless = "<" + "x".repeat(40_000) + "@example.org>";
        try (Archive archive = Archive.open(dir)) {
            assertThat(add(archive, Mails.eml(endless, "long id", "Mon, 01 Mar 2010 10:00:00 +0000", "hello"))).isTrue();
            archive.commit();
            assertThat(add(archive, Mails.eml(endless, "long id", "Mon, 01 Mar 2010 10:00:00 +0000", "hello"))).isFalse();
            assertThat(archive.raw(endless)).isPresent();
            add(archive, PARENT); // the archive goes on working
            archive.commit();
            assertThat(archive.count()).isEqualTo(2);
        }
        try (Archive reopened = Archive.open(dir)) {
            assertThat(reopened.contains(endless)).isTrue();
            assertThat(reopened.contains("<parent@example.org>")).isTrue();
        }
    }

    @Test
    void pollJobsAddingTheSameMessagesFromSeveralThreadsArchiveEachOnce() throws Exception {
        java.util.List<String> mails = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String root = "<root" + i + "@example.org>";
            mails.add(Mails.eml(root, "topic " + i, "Mon, 01 Mar 2010 10:00:00 +0000", "question " + i));
            mails.add(Mails.eml("<reply" + i + "@example.org>", "Re: topic " + i, "Tue, 02 Mar 2010 10:00:00 +0000",
                    "answer " + i, root));
        }
        long seed = new java.util.Random().nextLong();
        try (Archive archive = Archive.open(dir, Archive.SMALL_BUFFER_MB)) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                java.util.List<String> order = new java.util.ArrayList<>(mails);
                java.util.Collections.shuffle(order, new java.util.Random(seed + t)); // replies often before roots
                done.add(pool.submit(() -> {
                    for (String eml : order) {
                        add(archive, eml);
                        if (order.indexOf(eml) % 10 == 0) archive.commit();
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : done) f.get();
            pool.shutdown();
            archive.commit();

            assertThat(archive.count()).as("seed %d", seed).isEqualTo(80);
            for (int i = 0; i < 40; i++) {
                assertThat(storedThread(archive, "<reply" + i + "@example.org>")).as("seed %d", seed)
                        .isEqualTo("<root" + i + "@example.org>");
            }
        }
    }
    @Test
    void rawMessagesOfEverySizeComeBackFromAReopenedArchive() throws IOException {
        java.util.Random random = new java.util.Random(42);
        java.util.Map<String, byte[]> sent = new java.util.LinkedHashMap<>();
        try (Archive archive = Archive.open(dir)) {
            for (int i = 0; i < 60; i++) {
                // from a few bytes to 200 KB: small messages share a stored chunk, large ones span several
                int size = i % 3 == 0 ? 50 : random.nextInt(i % 5 == 0 ? 200_000 : 5_000);
                StringBuilder body = new StringBuilder();
                while (body.length() < size) body.append((char) ('a' + random.nextInt(26))).append(random.nextInt(7) == 0 ? "\n" : "");
                String eml = Mails.eml("<size" + i + "@example.org>", "size " + i, "Mon, 01 Mar 2010 10:00:00 +0000", body.toString());
                add(archive, eml);
                sent.put("<size" + i + "@example.org>", Mails.parse(eml).raw().bytes());
                if (i == 30) archive.commit();
            }
            archive.commit();
        }
        try (ReadOnlyArchive reader = ReadOnlyArchive.open(dir)) {
            for (var e : sent.entrySet()) {
                assertThat(reader.raw(e.getKey())).as(e.getKey()).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(e.getValue()));
            }
        }
    }
}
