package org.mentorbot.triage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.mentorbot.catalog.Catalog;
import org.mentorbot.catalog.Idea;

/**
 * An in-memory Lucene index of every idea of the loaded catalogs, plus the per-idea term lists that
 * phrase and coverage scoring need. Built once per run; searching it is thread-safe.
 */
public final class IdeaIndex {

    static final String TITLE = "title";
    static final String TEXT = "text";
    static final String ORDINAL = "ordinal";

    private final List<Idea> ideas = new ArrayList<>();
    private final List<List<String>> titleTerms = new ArrayList<>();
    private final List<Set<String>> allTerms = new ArrayList<>();
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final IndexSearcher searcher;

    public IdeaIndex(List<Catalog> catalogs) {
        this(catalogs, Map.of());
    }

    /**
     * @param examples text of messages mentors confirmed as being about an idea, by idea id: indexed with
     *                 the idea's description, so that later inquiries worded like them match it
     */
    public IdeaIndex(List<Catalog> catalogs, Map<String, String> examples) {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig(TextAnalysis.analyzer());
        config.setSimilarity(new BM25Similarity());
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (Catalog catalog : catalogs) {
                for (Idea idea : catalog.ideas()) {
                    add(writer, idea, examples.getOrDefault(idea.id(), ""));
                }
            }
            writer.commit();
            searcher = new IndexSearcher(DirectoryReader.open(directory));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the in-memory idea index", e);
        }
        searcher.setSimilarity(new BM25Similarity());
    }

    private void add(IndexWriter writer, Idea idea, String examples) throws IOException {
        String text = idea.description() + "\n" + idea.prerequisites() + "\n" + examples;
        Document doc = new Document();
        doc.add(new StoredField(ORDINAL, ideas.size()));
        doc.add(new TextField(TITLE, idea.title(), Field.Store.NO));
        doc.add(new TextField(TEXT, text, Field.Store.NO));
        writer.addDocument(doc);

        List<String> title = TextAnalysis.terms(idea.title());
        Set<String> all = new HashSet<>(title);
        all.addAll(TextAnalysis.terms(text));
        ideas.add(idea);
        titleTerms.add(title);
        allTerms.add(all);
        for (String term : all) documentFrequency.merge(term, 1, Integer::sum);
    }

    public int size() {
        return ideas.size();
    }

    Idea idea(int ordinal) {
        return ideas.get(ordinal);
    }

    List<String> titleTerms(int ordinal) {
        return titleTerms.get(ordinal);
    }

    boolean mentions(int ordinal, String term) {
        return allTerms.get(ordinal).contains(term);
    }

    /** Inverse document frequency of a term among ideas; 0 for a term no idea uses. */
    double idf(String term) {
        Integer df = documentFrequency.get(term);
        if (df == null) return 0;
        return Math.log(1 + (ideas.size() - df + 0.5) / (df + 0.5));
    }

    IndexSearcher searcher() {
        return searcher;
    }

    static Term titleTerm(String term) {
        return new Term(TITLE, term);
    }

    static Term textTerm(String term) {
        return new Term(TEXT, term);
    }
}
