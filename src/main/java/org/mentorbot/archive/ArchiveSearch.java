package org.mentorbot.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Runs a query of the archive's language ({@link ArchiveQuery}) and shapes the answer for people: hits
 * grouped by thread (best thread first, or newest with {@code sort:-date}), a highlighted snippet per
 * message, facet counts by idea, mentor and year, one page at a time.
 */
public final class ArchiveSearch {

    /** Start and end marks of a match in a snippet. */
    public static final String MATCH_START = "\u0002";
    public static final String MATCH_END = "\u0003";

    /** How many matching messages are looked at for grouping and facets; enough for any page a person reads. */
    private static final int WINDOW = 1000;
    private static final int UNANSWERED_WINDOW = 10_000;
    /** How many of the best matches the idea, mentor and year counts look at. */
    private static final int FACET_WINDOW = 1000;
    /** Stored fields a hit needs: reading only these skips building the (large) raw message field. */
    private static final java.util.Set<String> HIT_FIELDS = java.util.Set.of(ArchiveFields.ID, ArchiveFields.THREAD,
            ArchiveFields.SUBJECT, ArchiveFields.FROM, ArchiveFields.DATE, ArchiveFields.INQUIRY, ArchiveFields.IDEA,
            ArchiveFields.IDEA_TITLE, ArchiveFields.MENTOR, ArchiveFields.BODY);
    private static final java.util.Set<String> UNANSWERED_FIELDS = java.util.Set.of(ArchiveFields.FROM, ArchiveFields.FROM_ADDRESS, ArchiveFields.INQUIRY);
    private static final int SNIPPET_CHARS = 240;
    private static final int HITS_PER_THREAD = 3;
    /** A thread view shows at most this many messages; longer threads are flame wars, not mentoring. */
    private static final int MAX_THREAD = 2000;

    /** One matching message. {@code date} is epoch milliseconds, 0 when unknown. */
    public record Hit(String messageId, String subject, String from, long date, String snippet, boolean inquiry,
                      String ideaId, String ideaTitle, List<String> mentors) {
    }

    /** A thread with its best matching messages ({@code matching} counts them all). */
    public record ThreadHit(String threadId, String subject, int matching, List<Hit> hits) {
    }

    /** Counts over the best matching messages (up to {@link #FACET_WINDOW}). */
    public record Facets(Map<String, Integer> ideas, Map<String, Integer> mentors, Map<Integer, Integer> years) {
    }

    /**
     * One page of threads. {@code totalMessages} counts every match, not just the window; with
     * {@code is:unanswered}, the matches within the window that are in unanswered threads.
     */
    public record Page(String query, long totalMessages, int totalThreads, int page, int pageSize,
                       List<ThreadHit> threads, Facets facets) {
    }

    private final ArchiveView archive;
    private final ArchiveQuery parser;
    private final Analyzer analyzer;

    /** Search over an archive with the archive's analyzer, relative dates against the system clock. */
    public static ArchiveSearch of(ArchiveView archive) {
        return new ArchiveSearch(archive, new ArchiveQuery(new ArchiveAnalyzer(), java.time.Clock.systemUTC()), new ArchiveAnalyzer());
    }

    public ArchiveSearch(ArchiveView archive, ArchiveQuery parser, Analyzer analyzer) {
        this.archive = archive;
        this.parser = parser;
        this.analyzer = analyzer;
    }

    public Page search(String query, int page, int pageSize) throws ArchiveQuery.QuerySyntaxException {
        ArchiveQuery.Parsed parsed = parser.parse(query);
        return read(searcher -> search(query, parsed, searcher, page, pageSize));
    }

    /** The messages of a thread, oldest first; empty when threadId is no thread's id. */
    public List<ArchivedMessage> thread(String threadId) {
        return read(searcher -> {
            TopDocs members = searcher.search(new TermQuery(new Term(ArchiveFields.THREAD, Threader.key(threadId))),
                    MAX_THREAD, new org.apache.lucene.search.Sort(new org.apache.lucene.search.SortField(ArchiveFields.DATE,
                            org.apache.lucene.search.SortField.Type.LONG)));
            List<ArchivedMessage> messages = new ArrayList<>();
            for (ScoreDoc sd : members.scoreDocs) messages.add(ArchivedMessage.of(searcher.storedFields().document(sd.doc)));
            return messages;
        });
    }

    /** One archived message by its Message-ID (with or without angle brackets). */
    public java.util.Optional<ArchivedMessage> message(String messageId) {
        String id = messageId.startsWith("<") ? messageId : "<" + messageId + ">";
        return read(searcher -> {
            TopDocs hits = searcher.search(new TermQuery(new Term(ArchiveFields.ID, Threader.key(id))), 1);
            return hits.scoreDocs.length == 0 ? java.util.Optional.<ArchivedMessage>empty()
                    : java.util.Optional.of(ArchivedMessage.of(searcher.storedFields().document(hits.scoreDocs[0].doc)));
        });
    }

    /** The raw bytes of an archived message. */
    public java.util.Optional<byte[]> raw(String messageId) {
        String id = messageId.startsWith("<") ? messageId : "<" + messageId + ">";
        try {
            return archive.raw(id);
        } catch (IOException e) {
            throw new UncheckedIOException("archive " + archive.directory() + ": reading " + id + " failed", e);
        }
    }

    private interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private <T> T read(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = archive.searcher();
            try {
                return work.run(searcher);
            } finally {
                archive.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("archive " + archive.directory() + ": search failed", e);
        }
    }

    private Page search(String query, ArchiveQuery.Parsed parsed, IndexSearcher searcher, int page, int pageSize)
            throws IOException {
        Query matches = parsed.query();
        int window = WINDOW;
        if (parsed.unanswered()) {
            // An unanswered thread holds only the asker's inquiries: looking at inquiries alone lets the window
            // reach back over years of list traffic, where the first thousand of all messages would not.
            matches = new BooleanQuery.Builder().add(matches, BooleanClause.Occur.MUST)
                    .add(new TermQuery(new Term(ArchiveFields.INQUIRY, "true")), BooleanClause.Occur.FILTER).build();
            window = UNANSWERED_WINDOW;
        }
        // Every match counted in the same pass (by default Lucene stops counting at the window).
        TopDocs top = parsed.sort() == null
                ? searcher.search(matches, new TopScoreDocCollectorManager(window, null, Integer.MAX_VALUE, false))
                : searcher.search(matches, new TopFieldCollectorManager(parsed.sort(), window, null, Integer.MAX_VALUE, false));
        // Group by thread from doc values (cheap); stored fields and snippets only for the page shown.
        String[] threadOf = HitThreads.of(searcher, top.scoreDocs);
        Map<String, List<Integer>> byThread = new LinkedHashMap<>();
        Map<String, Boolean> unansweredThreads = new HashMap<>(); // many hits share a thread: look once
        for (int i = 0; i < top.scoreDocs.length; i++) {
            if (parsed.unanswered()) {
                Boolean keep = unansweredThreads.get(threadOf[i]);
                if (keep == null) unansweredThreads.put(threadOf[i], keep = unanswered(searcher, threadOf[i]));
                if (!keep) continue;
            }
            byThread.computeIfAbsent(threadOf[i], t -> new ArrayList<>()).add(i);
        }
        List<String> threadIds = new ArrayList<>(byThread.keySet());
        int from = (int) Math.min(threadIds.size(), Math.max(0L, page - 1L) * pageSize);
        int to = (int) Math.min(threadIds.size(), (long) from + pageSize);
        List<Integer> shown = new ArrayList<>();
        for (String t : threadIds.subList(from, to)) shown.addAll(best(byThread.get(t)));
        Map<Integer, Document> stored = storedFields(searcher, top, shown);
        Map<Integer, String> snippets = snippets(searcher, parsed, top, shown, stored);

        List<ThreadHit> threads = new ArrayList<>();
        for (String t : threadIds.subList(from, to)) {
            List<Hit> hits = new ArrayList<>();
            for (int i : best(byThread.get(t))) hits.add(hit(stored.get(i), snippets.get(i)));
            threads.add(new ThreadHit(t, hits.get(0).subject(), byThread.get(t).size(), hits));
        }
        ScoreDoc[] counted = top.scoreDocs;
        long total;
        if (parsed.unanswered()) {
            // Only what survived the filter: the answered threads' messages are no match.
            counted = byThread.values().stream().flatMap(List::stream).sorted().map(i -> top.scoreDocs[i]).toArray(ScoreDoc[]::new);
            total = counted.length;
        } else {
            total = top.totalHits.value;
        }
        return new Page(query, total, threadIds.size(), page, pageSize, threads,
                FacetCounter.count(searcher, counted, FACET_WINDOW));
    }

    /**
     * The stored fields of the hits shown, read once for both the hit and its snippet (reading means
     * decompressing a block), in doc id order, which lets neighbours share a block.
     */
    private static Map<Integer, Document> storedFields(IndexSearcher searcher, TopDocs top, List<Integer> shown)
            throws IOException {
        StoredFields fields = searcher.storedFields();
        Map<Integer, Document> stored = new HashMap<>();
        List<Integer> byDoc = new ArrayList<>(shown);
        byDoc.sort(java.util.Comparator.comparingInt(i -> top.scoreDocs[i].doc));
        for (int i : byDoc) stored.put(i, fields.document(top.scoreDocs[i].doc, HIT_FIELDS));
        return stored;
    }

    /** A thread's best hits (they are in rank order already): a page shows threads, not every message. */
    private static List<Integer> best(List<Integer> hits) {
        return hits.subList(0, Math.min(HITS_PER_THREAD, hits.size()));
    }

    /** An inquiry thread in which nobody but the asker has written. */
    private static boolean unanswered(IndexSearcher searcher, String thread) throws IOException {
        // Thread ids are indexed lower-cased; the doc values keep them as written.
        Query members = new TermQuery(new Term(ArchiveFields.THREAD, Threader.key(thread)));
        // Most threads hold no inquiry: a count says so without reading any stored fields.
        Query inquiries = new BooleanQuery.Builder().add(members, BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(ArchiveFields.INQUIRY, "true")), BooleanClause.Occur.FILTER).build();
        if (searcher.count(inquiries) == 0) return false;
        TopDocs found = searcher.search(members, 500);
        String asker = null;
        boolean inquiry = false;
        List<String> senders = new ArrayList<>();
        StoredFields fields = searcher.storedFields();
        for (ScoreDoc sd : found.scoreDocs) {
            Document doc = fields.document(sd.doc, UNANSWERED_FIELDS);
            // By address: the asker's follow-up from another mail client may carry another display name.
            // Messages archived before the address was stored have only the display text.
            String address = doc.get(ArchiveFields.FROM_ADDRESS);
            String from = address != null ? address.toLowerCase(java.util.Locale.ROOT) : String.valueOf(doc.get(ArchiveFields.FROM));
            senders.add(from);
            if ("true".equals(doc.get(ArchiveFields.INQUIRY)) && asker == null) {
                asker = from;
                inquiry = true;
            }
        }
        if (!inquiry) return false;
        for (String s : senders) {
            if (!s.equals(asker)) return false;
        }
        return true;
    }

    private Map<Integer, String> snippets(IndexSearcher searcher, ArchiveQuery.Parsed parsed, TopDocs top, List<Integer> shown,
                                          Map<Integer, Document> stored) throws IOException {
        Map<Integer, String> snippets = new HashMap<>();
        if (shown.isEmpty()) return snippets;
        ScoreDoc[] docs = new ScoreDoc[shown.size()];
        Map<Integer, String> bodies = new HashMap<>();
        for (int k = 0; k < docs.length; k++) {
            docs[k] = top.scoreDocs[shown.get(k)];
            bodies.put(docs[k].doc, stored.get(shown.get(k)).get(ArchiveFields.BODY));
        }
        // Matches are marked with control characters, never HTML: each front end escapes the text itself and
        // then turns the marks into <mark> (web) or brackets (terminal).
        UnifiedHighlighter highlighter = new BodyHighlighter(UnifiedHighlighter.builder(searcher, analyzer).withMaxLength(100_000)
                .withFormatter(new DefaultPassageFormatter(MATCH_START, MATCH_END, " … ", false)), bodies);
        String[] found = highlighter.highlight(ArchiveFields.BODY, HighlightQuery.forField(parsed.query(), ArchiveFields.BODY),
                new TopDocs(top.totalHits, docs), 1);
        for (int k = 0; k < docs.length; k++) {
            String s = found == null || k >= found.length ? null : found[k];
            if (s == null) {
                String body = bodies.get(docs[k].doc);
                s = body == null ? "" : unmarked(body);
            }
            snippets.put(shown.get(k), s.length() > SNIPPET_CHARS ? s.substring(0, SNIPPET_CHARS) + "…" : s);
        }
        return snippets;
    }

    /** The start of a body when nothing in it matched (the match was in the subject or the sender). */
    private static String unmarked(String body) {
        return body.strip().replaceAll("\\s+", " ");
    }

    private static Hit hit(Document doc, String snippet) {
        Triaged triaged = ArchiveDocument.triaged(doc);
        return new Hit(doc.get(ArchiveFields.ID), doc.get(ArchiveFields.SUBJECT), doc.get(ArchiveFields.FROM),
                ArchiveDocument.date(doc), snippet, triaged.inquiry(), triaged.ideaId(), triaged.ideaTitle(),
                List.copyOf(triaged.mentors()));
    }
}
