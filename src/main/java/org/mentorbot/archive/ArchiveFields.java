package org.mentorbot.archive;

/**
 * The archive index's fields: the one place that names them, for the writer, the query parser and the
 * searcher alike. "text" fields are analysed with {@link ArchiveAnalyzer}; "keyword" fields are indexed
 * as single lower-cased terms.
 */
public final class ArchiveFields {

    /** keyword, stored, doc values: the Message-ID with angle brackets; one document per Message-ID. */
    public static final String ID = "id";
    /** keyword, stored, doc values: the Message-ID of the thread's root (see {@link Threader}). */
    public static final String THREAD = "thread";
    /** keyword, stored: the list or mailbox the message was archived from (List-Id, or the import's name). */
    public static final String LIST = "list";
    /** text, stored: "Name <address>" of the sender. */
    public static final String FROM = "from";
    /** keyword: the sender's address, lower-cased (for exact matches and "answered by someone else"). */
    public static final String FROM_ADDRESS = "from_addr";
    /** text: To and Cc recipients ("Name <address>", several values). */
    public static final String TO = "to";
    public static final String CC = "cc";
    /** long point + doc values + stored: the Date, epoch milliseconds (0 when unknown). */
    public static final String DATE = "date";
    /** text, stored: the decoded subject. */
    public static final String SUBJECT = "subject";
    /** text, stored: the author's own words (quotes, signatures, footers and patches removed). */
    public static final String BODY = "body";
    /** text: the text the message quoted. */
    public static final String QUOTED = "quoted";
    /** keyword: "true" when the message carries a patch. */
    public static final String PATCH = "patch";
    /** keyword, stored (so that a document can be rebuilt when its thread changes): "true" when triage
     *  (or a correction) says it is an inquiry. */
    public static final String INQUIRY = "inquiry";
    /** keyword, stored: the routed idea's id; absent when none. */
    public static final String IDEA = "idea";
    /** text, stored: the routed idea's title. */
    public static final String IDEA_TITLE = "idea_title";
    /** keyword, stored (several values): addresses of the idea's mentors. */
    public static final String MENTOR = "mentor";
    /** keyword "true" (is:unreadable) when the message could not be parsed; only its raw bytes are kept. */
    public static final String UNREADABLE = "unreadable";
    /** stored only: why the message could not be parsed. */
    public static final String UNREADABLE_REASON = "unreadable_reason";

    // Added for threading: the archive rebuilds its thread table from these doc values when it opens, so
    // the threads of an interrupted or repeated import continue where the last commit left them.

    // (ID and THREAD also carry sorted doc values, as written.)
    /** sorted-set doc values only: the ids of References and In-Reply-To, as written. */
    public static final String REFS = "refs";
    /** sorted doc values only: the subject without Re:/Fwd:/[tags], lower-cased, for the subject fallback. */
    public static final String SUBJECT_KEY = "subject_key";

    // Facet counts read these rather than stored fields (a thousand stored documents cost tens of
    // milliseconds per search). Own names, not doc values on IDEA_TITLE and MENTOR: Lucene refuses to add
    // doc values to a field that an existing archive already has without them.
    /** sorted doc values only: the routed idea's title, as stored in {@link #IDEA_TITLE}. */
    public static final String IDEA_FACET = "idea_facet";
    /** sorted-set doc values only: the mentors' addresses, as stored in {@link #MENTOR}. */
    public static final String MENTOR_FACET = "mentor_facet";

    /** Fields indexed as one lower-cased term each (the query parser must not split them). */
    public static final java.util.List<String> KEYWORD_FIELDS =
            java.util.List.of(ID, THREAD, LIST, FROM_ADDRESS, PATCH, INQUIRY, IDEA, MENTOR, UNREADABLE);

    private ArchiveFields() {
    }
}
