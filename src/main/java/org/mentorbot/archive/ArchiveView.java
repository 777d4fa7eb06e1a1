package org.mentorbot.archive;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.lucene.search.IndexSearcher;

/**
 * What searching needs of an archive: a searcher over its index and the raw messages. Both the writable
 * {@link Archive} and the {@link ReadOnlyArchive} (for a web page beside a writing daemon) provide it.
 */
public interface ArchiveView {

    Path directory();

    /** A searcher over the latest visible state; pass it back to {@link #release}. */
    IndexSearcher searcher() throws IOException;

    void release(IndexSearcher searcher) throws IOException;

    /** The raw bytes of an archived message, as they were read. */
    Optional<byte[]> raw(String messageId) throws IOException;
}
