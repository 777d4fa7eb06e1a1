package org.mentorbot.archive;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;

/**
 * Counts ideas, mentors and years over a search's best matches, from doc values: reading a thousand
 * stored documents for this took most of a search's time.
 *
 * <p>Messages archived before {@link ArchiveFields#IDEA_FACET} existed carry their idea and mentors in
 * stored fields only. Such a message is recognised by an idea title (its norms) without the facet doc
 * value, and only its stored fields are read, so an existing archive counts the same without a re-import.
 */
final class FacetCounter {

    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final java.util.Set<String> LEGACY_FIELDS = java.util.Set.of(ArchiveFields.IDEA_TITLE, ArchiveFields.MENTOR);

    private final Map<String, Integer> ideas = new TreeMap<>();
    private final Map<String, Integer> mentors = new TreeMap<>();
    private final Map<Integer, Integer> years = new TreeMap<>();

    private FacetCounter() {
    }

    /** The facets of the first {@code limit} hits. */
    static ArchiveSearch.Facets count(IndexSearcher searcher, ScoreDoc[] hits, int limit) throws IOException {
        int[] docs = new int[Math.min(limit, hits.length)];
        for (int i = 0; i < docs.length; i++) docs[i] = hits[i].doc;
        Arrays.sort(docs); // doc values are read forward only
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        FacetCounter counter = new FacetCounter();
        for (int from = 0; from < docs.length; ) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[from], leaves));
            int to = from;
            while (to < docs.length && docs[to] < leaf.docBase + leaf.reader().maxDoc()) to++;
            counter.countLeaf(leaf, docs, from, to);
            from = to;
        }
        return new ArchiveSearch.Facets(counter.ideas, counter.mentors, counter.years);
    }

    private void countLeaf(LeafReaderContext leaf, int[] docs, int from, int to) throws IOException {
        LeafReader reader = leaf.reader();
        NumericDocValues dates = DocValues.getNumeric(reader, ArchiveFields.DATE);
        SortedDocValues ideaValues = DocValues.getSorted(reader, ArchiveFields.IDEA_FACET);
        SortedSetDocValues mentorValues = DocValues.getSortedSet(reader, ArchiveFields.MENTOR_FACET);
        NumericDocValues hasIdeaTitle = reader.getNormValues(ArchiveFields.IDEA_TITLE);
        // Counted by ordinal, turned into text once per leaf: looking up a value costs more than counting it.
        int[] ideaCounts = new int[ideaValues.getValueCount()];
        int[] mentorCounts = new int[Math.toIntExact(mentorValues.getValueCount())];
        StoredFields stored = null;
        for (int i = from; i < to; i++) {
            int doc = docs[i] - leaf.docBase;
            if (dates.advanceExact(doc) && dates.longValue() > 0) {
                years.merge(LocalDate.ofEpochDay(Math.floorDiv(dates.longValue(), MILLIS_PER_DAY)).getYear(), 1, Integer::sum);
            }
            if (mentorValues.advanceExact(doc)) {
                for (int m = 0; m < mentorValues.docValueCount(); m++) mentorCounts[(int) mentorValues.nextOrd()]++;
            }
            if (ideaValues.advanceExact(doc)) {
                ideaCounts[ideaValues.ordValue()]++;
            } else if (hasIdeaTitle != null && hasIdeaTitle.advanceExact(doc)) {
                if (stored == null) stored = reader.storedFields();
                countStored(stored.document(doc, LEGACY_FIELDS));
            }
        }
        addCounts(ideas, ideaCounts, ord -> ideaValues.lookupOrd(ord));
        addCounts(mentors, mentorCounts, ord -> mentorValues.lookupOrd(ord));
    }

    private void countStored(Document doc) {
        String idea = doc.get(ArchiveFields.IDEA_TITLE);
        if (idea != null) ideas.merge(idea, 1, Integer::sum);
        for (IndexableField m : doc.getFields(ArchiveFields.MENTOR)) mentors.merge(m.stringValue(), 1, Integer::sum);
    }

    private interface Values {
        BytesRef lookup(int ord) throws IOException;
    }

    private static void addCounts(Map<String, Integer> into, int[] counts, Values values) throws IOException {
        for (int ord = 0; ord < counts.length; ord++) {
            if (counts[ord] > 0) into.merge(values.lookup(ord).utf8ToString(), counts[ord], Integer::sum);
        }
    }
}
