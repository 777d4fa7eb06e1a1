package org.mentorbot.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadOnlyArchiveTest {

    @TempDir
    Path dir;

    private static void add(Archive archive, String eml) throws IOException {
        Mails.Parsed p = Mails.parse(eml);
        archive.add(p.raw(), p.message(), p.text(), null, "dfly");
    }

    private static ArchiveSearch search(ArchiveView view) {
        return new ArchiveSearch(view, new ArchiveQuery(new ArchiveAnalyzer(), Clock.systemUTC()), new ArchiveAnalyzer());
    }

    @Test
    void readsWhileAWriterHoldsTheLockAndSeesEachCommit() throws Exception {
        try (Archive writer = Archive.open(dir)) {
            add(writer, ArchiveTest.PARENT);
            writer.commit();
            try (ReadOnlyArchive reader = ReadOnlyArchive.open(dir)) {
                ArchiveSearch search = search(reader);
                assertThat(search.search("virtio", 1, 10).totalMessages()).isEqualTo(1);

                add(writer, ArchiveTest.CHILD);
                assertThat(search.search("virtio", 1, 10).totalMessages()).as("not committed yet").isEqualTo(1);
                writer.commit();
                assertThat(search.search("virtio", 1, 10).totalMessages()).isEqualTo(2);
                assertThat(search.raw("child@example.org")).isPresent();
            }
        }
    }

    @Test
    void aThreadComesBackOldestFirstAndAMessageByItsId() throws Exception {
        try (Archive writer = Archive.open(dir)) {
            add(writer, ArchiveTest.CHILD);
            add(writer, ArchiveTest.PARENT);
            writer.commit();
        }
        try (ReadOnlyArchive reader = ReadOnlyArchive.open(dir)) {
            ArchiveSearch search = search(reader);
            assertThat(search.thread("<parent@example.org>")).extracting(ArchivedMessage::messageId)
                    .containsExactly("<Parent@example.org>", "<child@example.org>");
            assertThat(search.thread("<nothing@example.org>")).isEmpty();
            ArchivedMessage child = search.message("child@example.org").orElseThrow();
            assertThat(child.subject()).isEqualTo("Re: virtio drivers");
            assertThat(child.threadId()).isEqualTo("<Parent@example.org>");
            assertThat(child.list()).isEqualTo("dfly");
            assertThat(child.body()).contains("NetBSD").doesNotContain("Where do I start");
            assertThat(search.message("<missing@example.org>")).isEmpty();
        }
    }

    @Test
    void keepsItsSearcherUntilTheWriterCommits() throws Exception {
        try (Archive writer = Archive.open(dir)) {
            add(writer, ArchiveTest.PARENT);
            writer.commit();
            try (ReadOnlyArchive reader = ReadOnlyArchive.open(dir)) {
                org.apache.lucene.search.IndexSearcher first = reader.searcher();
                reader.release(first);
                org.apache.lucene.search.IndexSearcher again = reader.searcher();
                reader.release(again);
                add(writer, ArchiveTest.CHILD);
                writer.commit();
                org.apache.lucene.search.IndexSearcher after = reader.searcher();
                reader.release(after);

                assertThat(again).as("nothing committed: no reopen").isSameAs(first);
                assertThat(after).isNotSameAs(first);
                assertThat(after.getIndexReader().numDocs()).isEqualTo(2);
            }
        }
    }

    @Test
    void aDirectoryWithNoArchiveIsNamedInTheError() {
        assertThatThrownBy(() -> ReadOnlyArchive.open(dir))
                .isInstanceOf(ReadOnlyArchive.NotAnArchiveException.class).hasMessageContaining(dir.toString());
    }
}
