package org.mentorbot.archive;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Highlights the body of messages whose stored fields the search has read already: the stock highlighter
 * would read and decompress each of them a second time.
 */
final class BodyHighlighter extends UnifiedHighlighter {

    private final Map<Integer, String> bodies;

    /** @param bodies the body of each document to highlight, by (top-level) doc id */
    BodyHighlighter(Builder builder, Map<Integer, String> bodies) {
        super(builder);
        this.bodies = bodies;
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
            throws IOException {
        if (fields.length != 1 || !fields[0].equals(ArchiveFields.BODY)) {
            return super.loadFieldValues(fields, docs, cacheCharsThreshold);
        }
        List<CharSequence[]> values = new ArrayList<>();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
            String body = bodies.containsKey(doc) ? bodies.get(doc) : storedBody(doc);
            // Cut as the stock loader cuts, so that snippets stay the same.
            values.add(new CharSequence[] {body == null ? null : body.substring(0, Math.min(getMaxLength(), body.length()))});
        }
        return values;
    }

    private String storedBody(int doc) throws IOException {
        return searcher.storedFields().document(doc, java.util.Set.of(ArchiveFields.BODY)).get(ArchiveFields.BODY);
    }

    /**
     * Lucene requires every segment to index a field the same way, so the first segment that has the field
     * tells how to find offsets; the stock method merges the field infos of every segment, on each search.
     */
    @Override
    protected FieldInfo getFieldInfo(String field) {
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            FieldInfo info = leaf.reader().getFieldInfos().fieldInfo(field);
            if (info != null) return info;
        }
        return null;
    }
}
