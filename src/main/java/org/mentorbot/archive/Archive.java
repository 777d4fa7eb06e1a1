package org.mentorbot.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.mentorbot.mail.MailMessage;
import org.mentorbot.mail.MailParseException;
import org.mentorbot.mail.MailParser;
import org.mentorbot.mail.MessageText;
import org.mentorbot.mail.RawMessage;
import org.mentorbot.mail.TextNormalizer;
import org.mentorbot.triage.Decision;

/**
 * A searchable archive of list mail: one Lucene document per Message-ID, and the raw messages in a
 * {@link RawStore} in the {@code raw/} subdirectory.
 *
 * <p>Threads are kept in memory ({@link Threader}) and rebuilt from doc values on open. A message that joins
 * or re-roots an existing thread changes the thread id of messages already written; those documents are
 * rewritten at the next {@link #commit()}, from their stored raw bytes and triage facts, so a commit is
 * always consistent. Only one process may write an archive (Lucene's write lock); within it, the methods that
 * change the archive are serialized, since the bot's poll jobs for several mailboxes share one archive.
 */
public final class Archive implements ArchiveView, AutoCloseable {

    /** Indexing buffer for bulk imports: fewer, larger segments. */
    public static final double BULK_BUFFER_MB = 128;
    /** Indexing buffer for the daemon, which archives a few messages per poll and must stay small. */
    public static final double SMALL_BUFFER_MB = 8;

    private final Path dir;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final RawStore raws;
    private final Threader threader = new Threader();
    // Read by an import's reader thread to skip duplicates before parsing, hence concurrent.
    private final Set<String> archived = ConcurrentHashMap.newKeySet();
    // Analysis and stored-field compression run on their own thread, beside parsing and threading: an
    // import is otherwise limited by the one thread that must see messages in order.
    private final ExecutorService indexer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mentorbot-archive-index");
        t.setDaemon(true);
        return t;
    });
    // The raw store is written on a thread of its own: it shares no state with the search index.
    private final ExecutorService rawIndexer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mentorbot-archive-raw");
        t.setDaemon(true);
        return t;
    });
    // Mentors' corrections, applied to the stored documents at the next commit.
    private final Map<String, Triaged> corrections = new ConcurrentHashMap<>();
    private final Semaphore inFlight = new Semaphore(256);
    private final Semaphore rawInFlight = new Semaphore(256);
    private final AtomicLong queued = new AtomicLong();
    private volatile IOException indexFailure;

    private Archive(Path dir, Directory directory, IndexWriter writer, RawStore raws) throws IOException {
        this.dir = dir;
        this.directory = directory;
        this.writer = writer;
        this.raws = raws;
        this.searchers = new SearcherManager(writer, null);
    }

    /** Opens the archive in dir for a bulk import, creating the directory and an empty index when missing. */
    public static Archive open(Path dir) throws IOException {
        return open(dir, BULK_BUFFER_MB);
    }

    public static Archive open(Path dir, double ramBufferMb) throws IOException {
        Files.createDirectories(dir);
        Directory directory = FSDirectory.open(dir);
        IndexWriter writer = null;
        RawStore raws = null;
        try {
            IndexWriterConfig config = new IndexWriterConfig(ArchiveAnalyzer.perField())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(ramBufferMb)
                    // compound files would copy every flushed segment once more; an archive has few segments
                    .setUseCompoundFile(false)
                    .setCommitOnClose(false);
            writer = new IndexWriter(directory, config);
            raws = RawStore.writable(dir.resolve("raw"));
            Archive archive = new Archive(dir, directory, writer, raws);
            archive.restoreThreads();
            return archive;
        } catch (IOException | RuntimeException e) {
            if (raws != null) raws.close();
            if (writer != null) writer.rollback();
            directory.close();
            throw e;
        }
    }

    @Override
    public Path directory() {
        return dir;
    }

    /** Whether a message with this Message-ID is archived (committed or not); safe from any thread. */
    public boolean contains(String messageId) {
        return archived.contains(Threader.key(messageId));
    }

    /**
     * Archives one message. Returns false, changing nothing, when its Message-ID is archived already.
     *
     * @param decision the triage decision, or null when the message was not triaged
     * @param list     the list or mailbox name; null to use the List-Id header
     */
    public synchronized boolean add(RawMessage raw, MailMessage m, MessageText text, Decision decision, String list)
            throws IOException {
        String key = Threader.key(m.messageId());
        if (archived.contains(key)) return false;
        long date = m.date() == null ? 0 : m.date().toEpochMilli();
        String thread = threader.add(m.messageId(), date, m.references(), m.subject());
        String listName = list != null ? list : listId(m);
        Document doc = ArchiveDocument.build(m, text, Triaged.of(decision), listName, thread);
        archived.add(key);
        index(doc, key, raw.bytes());
        return true;
    }

    /**
     * Archives a message that could not be parsed, under the id a header scan gives it: its raw bytes and the
     * reason, so that nothing that arrived is lost and an operator can see why. Returns false, changing
     * nothing, when that id is archived already.
     */
    public synchronized boolean addUnreadable(RawMessage raw, String messageId, String reason, String list)
            throws IOException {
        String key = Threader.key(messageId);
        if (archived.contains(key)) return false;
        String thread = threader.add(messageId, 0, List.of(), "");
        archived.add(key);
        index(ArchiveDocument.unreadable(messageId, thread, reason, list), key, raw.bytes());
        return true;
    }

    /**
     * Replaces the triage decision stored with an archived message (a mentor corrected it); takes effect at
     * the next commit. A message that is not archived is left alone.
     */
    public synchronized void correct(String messageId, Triaged triaged) {
        corrections.put(Threader.key(messageId), triaged);
    }

    /** Rewrites documents whose thread or decision changed, then makes everything durable and visible. */
    public synchronized void commit() throws IOException {
        drain();
        Map<String, String> changes = threader.drainChanges();
        try {
            if (!changes.isEmpty()) rethread(changes);
        } catch (IOException | RuntimeException e) {
            threader.requeue(changes); // the next commit tries again
            throw e;
        }
        if (!corrections.isEmpty()) applyCorrections();
        raws.commit(); // raw first: a message in the index always has its raw bytes
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    /**
     * Commits, lets the segment merges that commits started run to the end, and commits their result. Closing
     * an archive drops the merges still running, so without this a bulk import leaves the many small segments
     * its commits wrote, and every search pays for each segment (looking up each word in each one).
     */
    public synchronized void commitMerged() throws IOException {
        commit();
        writer.maybeMerge();
        if (writer.getConfig().getMergeScheduler() instanceof ConcurrentMergeScheduler merges) merges.sync();
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    /** Messages archived, including those not yet committed. */
    public long count() {
        return writer.getDocStats().numDocs + queued.get();
    }

    @Override
    public Optional<byte[]> raw(String messageId) throws IOException {
        drain();
        return raws.get(Threader.key(messageId));
    }

    /** The thread id of an archived message, or empty. */
    public synchronized Optional<String> threadOf(String messageId) {
        return Optional.ofNullable(threader.threadOf(messageId));
    }

    /** The archived Message-IDs of a thread, by date; empty when threadId is no thread's id. */
    public synchronized List<String> threadMembers(String threadId) {
        return threader.members(threadId);
    }

    /**
     * A searcher over everything added so far (refreshed when needed). Pass it back to {@link #release}; a
     * searcher stays usable until released, also across commits.
     */
    @Override
    public IndexSearcher searcher() throws IOException {
        drain();
        searchers.maybeRefreshBlocking();
        return searchers.acquire();
    }

    @Override
    public void release(IndexSearcher searcher) throws IOException {
        searchers.release(searcher);
    }

    /** Bytes the index takes on disk. */
    public long sizeBytes() throws IOException {
        long[] total = {0};
        // Merges delete files while we walk (also after an interrupted import): a vanished file counts as none.
        Files.walkFileTree(dir, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) total[0] += attrs.size();
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
        return total[0];
    }

    /** Drops what was added since the last commit. */
    @Override
    public void close() throws IOException {
        try {
            // Never interrupt the indexing thread: an interrupt closes Lucene's NIO channels under it.
            indexer.shutdown();
            rawIndexer.shutdown();
            try {
                indexer.awaitTermination(5, java.util.concurrent.TimeUnit.MINUTES);
                rawIndexer.awaitTermination(5, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try (raws) { // closed whatever happens above: it holds the raw store's write lock
                searchers.close();
                writer.rollback();
            }
        } finally {
            directory.close();
        }
    }

    private void index(Document doc, String key, byte[] raw) throws IOException {
        if (indexFailure != null) throw indexFailure;
        rawInFlight.acquireUninterruptibly();
        rawIndexer.execute(() -> {
            try {
                if (indexFailure == null) raws.put(key, raw);
            } catch (IOException | RuntimeException e) {
                indexFailure = e instanceof IOException io ? io : new IOException(e);
            } finally {
                rawInFlight.release();
            }
        });
        inFlight.acquireUninterruptibly();
        queued.incrementAndGet();
        indexer.execute(() -> {
            try {
                if (indexFailure == null) writer.addDocument(doc);
            } catch (IOException | RuntimeException e) {
                indexFailure = e instanceof IOException io ? io : new IOException(e);
            } finally {
                queued.decrementAndGet();
                inFlight.release();
            }
        });
    }

    /** Waits until every added document is in the writer. */
    private void drain() throws IOException {
        try {
            indexer.submit(() -> { }).get();
            rawIndexer.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while indexing", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e.getCause());
        }
        if (indexFailure != null) throw indexFailure;
    }

    private void rethread(Map<String, String> changes) throws IOException {
        rewrite(changes.keySet(), (key, old) -> change(old.get(ArchiveFields.THREAD), changes.get(key))
                ? rebuild(old, changes.get(key), ArchiveDocument.triaged(old), raws.get(key).orElse(null)) : null);
    }

    private void applyCorrections() throws IOException {
        Map<String, Triaged> pending = new java.util.HashMap<>(corrections);
        rewrite(pending.keySet(), (key, old) -> rebuild(old, old.get(ArchiveFields.THREAD), pending.get(key),
                raws.get(key).orElse(null)));
        pending.forEach(corrections::remove);
    }

    private static boolean change(String from, String to) {
        return !to.equalsIgnoreCase(from);
    }

    private interface Rewrite {
        /** The new document, or null to leave the old one. */
        Document apply(String key, Document old) throws IOException;
    }

    /** Rewrites the archived documents with these keys; keys of no archived message are skipped. */
    private void rewrite(java.util.Collection<String> keys, Rewrite rewrite) throws IOException {
        searchers.maybeRefreshBlocking(); // the documents may have been added (or rewritten) since the last commit
        IndexSearcher searcher = searchers.acquire();
        try {
            StoredFields stored = searcher.storedFields();
            for (String key : keys) {
                Term id = new Term(ArchiveFields.ID, key);
                TopDocs hits = searcher.search(new TermQuery(id), 1);
                if (hits.scoreDocs.length == 0) continue;
                Document replacement = rewrite.apply(key, stored.document(hits.scoreDocs[0].doc));
                if (replacement != null) writer.updateDocument(id, replacement);
            }
        } finally {
            searchers.release(searcher);
        }
    }

    private static Document rebuild(Document old, String thread, Triaged triaged, byte[] raw) throws IOException {
        String unreadable = old.get(ArchiveFields.UNREADABLE_REASON);
        if (unreadable != null) return ArchiveDocument.unreadable(old.get(ArchiveFields.ID), thread, unreadable, old.get(ArchiveFields.LIST));
        if (raw == null) throw new IOException("archived message " + old.get(ArchiveFields.ID) + " has lost its raw bytes");
        MailMessage m;
        try {
            m = MailParser.parse(new RawMessage(old.get(ArchiveFields.ID), raw));
        } catch (MailParseException e) {
            throw new IOException("archived message " + old.get(ArchiveFields.ID) + " no longer parses", e);
        }
        MessageText text = TextNormalizer.normalize(m.body());
        return ArchiveDocument.build(m, text, triaged, old.get(ArchiveFields.LIST), thread);
    }

    /** Reads each committed message's id, date, references, subject and thread back into the threader. */
    private void restoreThreads() throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                LeafReader r = leaf.reader();
                Bits live = r.getLiveDocs();
                SortedDocValues ids = DocValues.getSorted(r, ArchiveFields.ID);
                SortedDocValues threads = DocValues.getSorted(r, ArchiveFields.THREAD);
                SortedDocValues subjects = DocValues.getSorted(r, ArchiveFields.SUBJECT_KEY);
                NumericDocValues dates = DocValues.getNumeric(r, ArchiveFields.DATE);
                SortedSetDocValues refs = DocValues.getSortedSet(r, ArchiveFields.REFS);
                for (int doc = 0; doc < r.maxDoc(); doc++) {
                    if (live != null && !live.get(doc)) continue;
                    if (!ids.advanceExact(doc)) continue;
                    String id = ids.lookupOrd(ids.ordValue()).utf8ToString();
                    String thread = threads.advanceExact(doc) ? threads.lookupOrd(threads.ordValue()).utf8ToString() : null;
                    String subject = subjects.advanceExact(doc) ? subjects.lookupOrd(subjects.ordValue()).utf8ToString() : "";
                    long date = dates.advanceExact(doc) ? dates.longValue() : 0;
                    List<String> references = new ArrayList<>();
                    if (refs.advanceExact(doc)) {
                        for (int i = 0; i < refs.docValueCount(); i++) references.add(refs.lookupOrd(refs.nextOrd()).utf8ToString());
                    }
                    threader.restore(id, date, references, subject, thread);
                    archived.add(Threader.key(id));
                }
            }
        }
        threader.restored();
    }

    private static String listId(MailMessage m) {
        String listId = m.header("list-id");
        if (listId == null) return null;
        int open = listId.lastIndexOf('<');
        int close = listId.lastIndexOf('>');
        return open >= 0 && close > open ? listId.substring(open + 1, close) : listId.strip();
    }
}
