package org.mentorbot.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Runs a decompressor on its own thread, a few megabytes ahead of the reader. xz decoding of the kernel corpus
 * takes as long as parsing it (about 12 s vs 6 s for 100,000 messages), so on two cores the two must overlap
 * to reach the triage throughput target.
 */
final class ReadAheadInputStream extends InputStream {

    private static final int CHUNK = 1 << 18; // below G1's humongous-object size at small heaps
    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(32);
    private final Thread producer;
    private volatile IOException failure;
    private byte[] current;
    private int pos;
    private boolean ended;

    ReadAheadInputStream(InputStream source, String name) {
        producer = new Thread(() -> produce(source), "mentorbot-read-ahead " + name);
        producer.setDaemon(true);
        producer.start();
    }

    private void produce(InputStream source) {
        try (source) {
            while (true) {
                byte[] chunk = source.readNBytes(CHUNK);
                if (chunk.length == 0) break;
                queue.put(chunk);
                if (chunk.length < CHUNK) break;
            }
        } catch (InterruptedException e) {
            return; // the reader closed the stream
        } catch (IOException e) {
            failure = e;
        } catch (RuntimeException e) { // decoders report some corrupt input unchecked
            failure = new IOException(e.toString(), e);
        }
        try {
            queue.put(END);
        } catch (InterruptedException e) {
            // closed meanwhile: nobody waits for the end marker
        }
    }

    /** The next chunk, or false at the end; rethrows the producer's failure at the point the data stops. */
    private boolean nextChunk() throws IOException {
        if (ended) return false;
        try {
            current = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for decompressed data");
        }
        pos = 0;
        if (current == END) {
            ended = true;
            if (failure != null) throw failure;
            return false;
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        if ((current == null || pos == current.length) && !nextChunk()) return -1;
        return current[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        if ((current == null || pos == current.length) && !nextChunk()) return -1;
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public void close() {
        producer.interrupt();
        queue.clear();
    }
}
