package org.mentorbot.mail;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Recognises gzip and xz by their magic bytes, not by file name: archives get renamed, and a ".txt" from a
 * pipermail server is sometimes served gzipped.
 */
final class Compression {

    /** Big buffers: the mbox splitter reads hundreds of megabytes and small reads dominate otherwise. */
    static final int BUFFER_SIZE = 1 << 20;
    private static final int MIN_BUFFER = 8192;

    private static final byte[] GZIP_MAGIC = {(byte) 0x1f, (byte) 0x8b};
    private static final byte[] XZ_MAGIC = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0};

    private Compression() {
    }

    /**
     * Wraps {@code in} in the matching decompressor when it starts with a gzip or xz header, else returns it
     * buffered. Decompression runs on a read-ahead thread so that it overlaps with parsing.
     */
    static InputStream decompressed(InputStream in, String name, long size) throws IOException {
        // Sized to the file: a pipermail directory of small monthly .txt.gz files needs no megabyte each.
        BufferedInputStream buffered = new BufferedInputStream(in, (int) Math.max(MIN_BUFFER, Math.min(BUFFER_SIZE, size + 1)));
        buffered.mark(16);
        byte[] head = buffered.readNBytes(6);
        buffered.reset();
        if (startsWith(head, GZIP_MAGIC)) {
            return new BufferedInputStream(new ReadAheadInputStream(new GZIPInputStream(buffered, 1 << 16), name), BUFFER_SIZE);
        }
        if (startsWith(head, XZ_MAGIC)) {
            // -1: no memory limit; the corpus was compressed with a large dictionary.
            return new BufferedInputStream(new ReadAheadInputStream(new XZInputStream(buffered, -1), name), BUFFER_SIZE);
        }
        return buffered;
    }

    /** Whether these are the first bytes of gzip or xz data. */
    static boolean isCompressed(byte[] head) {
        return startsWith(head, GZIP_MAGIC) || startsWith(head, XZ_MAGIC);
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) return false;
        }
        return true;
    }
}
