package org.mentorbot.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

class FacetCounterTest {

    private static Document document(String id, String date, Triaged triaged) {
        Mails.Parsed p = Mails.parse(Mails.eml(id, "subject", date, "body"));
        return ArchiveDocument.build(p.message(), p.text(), triaged, "dfly", id);
    }

    /** A document as archives wrote it before the facet doc values: the same fields without them. */
    private static Document legacy(Document doc) {
        doc.removeFields(ArchiveFields.IDEA_FACET);
        doc.removeFields(ArchiveFields.MENTOR_FACET);
        return doc;
    }

    @Test
    void countsFromDocValuesAndFromTheStoredFieldsOfOlderDocumentsAlike() throws Exception {
        Triaged virtio = new Triaged(true, "virtio", "Implement virtio drivers", List.of("alice@example.org", "bob@example.org"));
        Triaged hammer = new Triaged(true, "hammer2", "HAMMER2 compression", List.of("carol@example.org"));
        try (Directory dir = new ByteBuffersDirectory();
             IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(ArchiveAnalyzer.perField()))) {
            writer.addDocument(document("<new1@x>", "Mon, 01 Mar 2010 10:00:00 +0000", virtio));
            writer.addDocument(legacy(document("<old1@x>", "Mon, 01 Mar 2010 11:00:00 +0000", virtio)));
            writer.addDocument(legacy(document("<old2@x>", "Mon, 01 Mar 2011 11:00:00 +0000", hammer)));
            writer.addDocument(document("<new2@x>", "Mon, 01 Mar 2011 10:00:00 +0000", hammer));
            writer.addDocument(legacy(document("<old3@x>", "Mon, 01 Mar 2012 10:00:00 +0000", Triaged.NONE)));
            writer.commit();
            writer.addDocument(document("<new3@x>", "Mon, 01 Mar 2012 10:00:00 +0000", Triaged.NONE));
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);

                ArchiveSearch.Facets all = FacetCounter.count(searcher, searcher.search(new MatchAllDocsQuery(), 10).scoreDocs, 10);
                ArchiveSearch.Facets firstTwo = FacetCounter.count(searcher, searcher.search(new MatchAllDocsQuery(), 10).scoreDocs, 2);

                assertThat(all.ideas()).isEqualTo(Map.of("Implement virtio drivers", 2, "HAMMER2 compression", 2));
                assertThat(all.mentors()).isEqualTo(Map.of("alice@example.org", 2, "bob@example.org", 2, "carol@example.org", 2));
                assertThat(all.years()).isEqualTo(Map.of(2010, 2, 2011, 2, 2012, 2));
                assertThat(firstTwo.ideas()).isEqualTo(Map.of("Implement virtio drivers", 2));
                assertThat(firstTwo.years()).isEqualTo(Map.of(2010, 2));
            }
        }
    }
}
