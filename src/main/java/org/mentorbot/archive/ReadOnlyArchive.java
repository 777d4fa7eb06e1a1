package org.mentorbot.archive;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NIOFSDirectory;

/**
 * An archive opened for reading only: it takes no write lock, so a web page or a search can run while the
 * daemon (or an import) writes. Each search sees the writer's latest commit.
 */
public final class ReadOnlyArchive implements ArchiveView, AutoCloseable {

    private final Path dir;
    private final Directory directory;
    private final SearcherManager searchers;
    private final RawStore raws;
    private volatile Opened opened = new Opened(null, -1);

    private ReadOnlyArchive(Path dir, Directory directory, SearcherManager searchers, RawStore raws) {
        this.dir = dir;
        this.directory = directory;
        this.searchers = searchers;
        this.raws = raws;
    }

    /** How the index files are read. */
    public enum Files {
        /** Memory-mapped: fastest; every page a search touches counts in the process's resident memory. */
        MAPPED,
        /** Read into buffers (the page cache still caches them): a long-running server's memory stays flat. */
        BUFFERED
    }

    /**
     * Opens the archive in dir, memory-mapped.
     *
     * @throws NotAnArchiveException when dir holds no committed archive
     */
    public static ReadOnlyArchive open(Path dir) throws IOException {
        return open(dir, Files.MAPPED);
    }

    public static ReadOnlyArchive open(Path dir, Files files) throws IOException {
        if (!java.nio.file.Files.isDirectory(dir) || !java.nio.file.Files.isDirectory(dir.resolve("raw"))) {
            throw new NotAnArchiveException(dir);
        }
        Directory directory = directory(dir, files);
        SearcherManager searchers = null;
        try {
            if (!DirectoryReader.indexExists(directory)) throw new NotAnArchiveException(dir);
            searchers = new SearcherManager(directory, null);
            return new ReadOnlyArchive(dir, directory, searchers, RawStore.readOnly(directory(dir.resolve("raw"), files)));
        } catch (IOException | RuntimeException e) {
            if (searchers != null) searchers.close();
            directory.close();
            throw e;
        }
    }

    static Directory directory(Path dir, Files files) throws IOException {
        return files == Files.MAPPED ? FSDirectory.open(dir) : new NIOFSDirectory(dir);
    }

    @Override
    public Path directory() {
        return dir;
    }

    @Override
    public IndexSearcher searcher() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        // Asking the reader whether it is current parses the latest commit point and every segment's info,
        // a good part of a search's time; a commit always writes a new segments_N, so comparing
        // generations (one directory listing) tells the same.
        if (SegmentInfos.getLastCommitGeneration(directory) == generation(searcher)) return searcher;
        searchers.release(searcher);
        searchers.maybeRefresh(); // never waits for another thread's refresh
        return searchers.acquire();
    }

    /** The commit a reader shows; asked once per reader, since asking builds the commit's file list. */
    private long generation(IndexSearcher searcher) throws IOException {
        Opened last = opened;
        if (last.reader() != searcher.getIndexReader()) {
            DirectoryReader reader = (DirectoryReader) searcher.getIndexReader();
            last = new Opened(reader, reader.getIndexCommit().getGeneration());
            opened = last;
        }
        return last.generation();
    }

    private record Opened(DirectoryReader reader, long generation) {
    }

    @Override
    public void release(IndexSearcher searcher) throws IOException {
        searchers.release(searcher);
    }

    /** Messages in the latest commit. */
    public long count() throws IOException {
        IndexSearcher searcher = searcher();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            release(searcher);
        }
    }

    @Override
    public Optional<byte[]> raw(String messageId) throws IOException {
        return raws.get(Threader.key(messageId));
    }

    @Override
    public void close() throws IOException {
        try (directory; raws) {
            searchers.close();
        }
    }

    /** The directory is not an archive (no committed index, or no raw store). */
    public static final class NotAnArchiveException extends IOException {
        public NotAnArchiveException(Path dir) {
            super("archive " + dir + ": not an archive (nothing imported yet?)");
        }
    }
}
