package org.mentorbot.archive;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The raw messages, in their own Lucene index beside the archive's. Kept apart because Lucene compresses
 * stored fields in blocks of neighbouring documents: with raw mail in the search index, every hit's
 * subject and snippet would cost decompressing several whole messages.
 */
final class RawStore implements AutoCloseable {

    private static final String KEY = "key";
    private static final String RAW = "raw";

    private final Directory directory;
    private final IndexWriter writer; // null when read-only
    private final SearcherManager searchers;

    private RawStore(Directory directory, IndexWriter writer, SearcherManager searchers) {
        this.directory = directory;
        this.writer = writer;
        this.searchers = searchers;
    }

    static RawStore writable(Path dir) throws IOException {
        Directory directory = FSDirectory.open(dir);
        IndexWriter w = null;
        try {
            w = new IndexWriter(directory, new IndexWriterConfig(new KeywordAnalyzer())
                    .setCodec(new RawCodec())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND).setUseCompoundFile(false)
                    .setCommitOnClose(false));
            return new RawStore(directory, w, new SearcherManager(w, null));
        } catch (IOException | RuntimeException e) {
            if (w != null) w.rollback();
            directory.close();
            throw e;
        }
    }

    /** Reads the committed state, and whatever a writer in another process commits later. */
    static RawStore readOnly(Directory directory) throws IOException {
        try {
            return new RawStore(directory, null, new SearcherManager(directory, null));
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /** Stores (or replaces) a message's raw bytes under its key. */
    void put(String key, byte[] raw) throws IOException {
        Document doc = new Document();
        doc.add(new StringField(KEY, key, Field.Store.NO));
        doc.add(new StoredField(RAW, raw));
        writer.updateDocument(new Term(KEY, key), doc);
    }

    Optional<byte[]> get(String key) throws IOException {
        if (writer != null) searchers.maybeRefreshBlocking();
        else searchers.maybeRefresh();
        IndexSearcher searcher = searchers.acquire();
        try {
            TopDocs hits = searcher.search(new TermQuery(new Term(KEY, key)), 1);
            if (hits.scoreDocs.length == 0) return Optional.empty();
            BytesRef bytes = searcher.storedFields().document(hits.scoreDocs[0].doc).getBinaryValue(RAW);
            return Optional.of(Arrays.copyOfRange(bytes.bytes, bytes.offset, bytes.offset + bytes.length));
        } finally {
            searchers.release(searcher);
        }
    }

    void commit() throws IOException {
        writer.commit();
    }

    /** Drops what was stored since the last commit. */
    @Override
    public void close() throws IOException {
        try {
            searchers.close();
            if (writer != null) writer.rollback();
        } finally {
            directory.close();
        }
    }
}
