package org.mentorbot.archive;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;

/** The thread id of each hit, from the thread doc values. */
final class HitThreads {

    private HitThreads() {
    }

    /** Thread ids in the order of {@code hits}; a message without one is a thread of its own. */
    static String[] of(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
        String[] threads = new String[hits.length];
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        // Per segment: the iterator wants doc ids in order, then the names are looked up in ordinal order,
        // once per thread. Doc values keep names in compressed blocks that a lookup in ordinal order
        // decompresses once each, a lookup in doc order once per hit.
        long[] docAndHit = new long[hits.length];
        for (int i = 0; i < hits.length; i++) docAndHit[i] = (long) hits[i].doc << 32 | i;
        Arrays.sort(docAndHit);
        long[] ordAndHit = new long[hits.length];
        for (int from = 0; from < docAndHit.length; ) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex((int) (docAndHit[from] >>> 32), leaves));
            SortedDocValues values = DocValues.getSorted(leaf.reader(), ArchiveFields.THREAD);
            int n = 0;
            int to = from;
            for (; to < docAndHit.length && (docAndHit[to] >>> 32) < leaf.docBase + leaf.reader().maxDoc(); to++) {
                int hit = (int) docAndHit[to];
                if (values.advanceExact(hits[hit].doc - leaf.docBase)) ordAndHit[n++] = (long) values.ordValue() << 32 | hit;
                else threads[hit] = "doc" + hits[hit].doc;
            }
            Arrays.sort(ordAndHit, 0, n);
            int lastOrd = -1;
            String name = null;
            for (int k = 0; k < n; k++) {
                int ord = (int) (ordAndHit[k] >>> 32);
                if (ord != lastOrd) {
                    BytesRef term = values.lookupOrd(ord);
                    name = term.utf8ToString();
                    lastOrd = ord;
                }
                threads[(int) ordAndHit[k]] = name;
            }
            from = to;
        }
        return threads;
    }
}
