package org.mentorbot.mail;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Splits an mbox stream into messages without holding more than one message in memory.
 *
 * <p>Not mime4j's {@code MboxIterator}: it memory-maps the whole file and decodes it to characters up front,
 * which cannot work for an 850 MB archive under a 512 MB heap, nor for a decompressing stream.
 *
 * <p>A separator is a line starting with "From " that starts the file or follows an empty line and looks like
 * an envelope line (it carries a time "hh:mm" or a year), so that an unescaped "From here on, ..." paragraph in
 * an mboxo or pipermail archive does not cut a message in two. mboxrd escaping is undone (">From " → "From ",
 * ">>From " → ">From "). Line endings are kept as they are (LF or CRLF); mime4j reads both.
 */
final class MboxSplitter {

    private final String name;
    private final Consumer<RawMessage> sink;

    private byte[] buf = new byte[Compression.BUFFER_SIZE];
    private int pos;
    private int limit;

    private byte[] msg = new byte[1 << 16];
    private int msgLen;
    private int lastLineStart = -1;
    private boolean inMessage;
    private int count;

    private MboxSplitter(String name, Consumer<RawMessage> sink) {
        this.name = name;
        this.sink = sink;
    }

    /**
     * Delivers every message of {@code in} to {@code sink} with source "name#n".
     *
     * @return the number of messages delivered
     * @throws IOException when the stream fails; messages delivered before the failure stay delivered and the
     *                     message being read is dropped
     */
    static int split(InputStream in, String name, Consumer<RawMessage> sink) throws IOException {
        MboxSplitter splitter = new MboxSplitter(name, sink);
        splitter.run(in);
        return splitter.count;
    }

    private void run(InputStream in) throws IOException {
        boolean previousEmpty = true;
        while (true) {
            int eol = indexOfNewline(pos, limit);
            if (eol < 0) {
                if (!fill(in)) {
                    if (pos < limit) { // last line without a newline
                        previousEmpty = line(pos, limit, previousEmpty);
                        pos = limit;
                    }
                    break;
                }
                continue;
            }
            previousEmpty = line(pos, eol + 1, previousEmpty);
            pos = eol + 1;
        }
        emit();
    }

    /** Handles one line [start, end) including its newline; returns whether it was empty. */
    private boolean line(int start, int end, boolean previousEmpty) {
        int len = end - start;
        boolean empty = len == 1 && buf[start] == '\n'
                || len == 2 && buf[start] == '\r' && buf[start + 1] == '\n'
                || len == 0;
        if (isFromLine(start, end) && (previousEmpty && looksLikeEnvelope(start, end) || !inMessage)) {
            emit();
            inMessage = true;
            return false;
        }
        if (!inMessage) {
            return empty; // blank lines before the first separator
        }
        int from = start;
        if (buf[start] == '>' && isEscapedFrom(start, end)) {
            from++;
        }
        append(from, end);
        return empty;
    }

    private boolean isFromLine(int start, int end) {
        return end - start >= 5 && buf[start] == 'F' && buf[start + 1] == 'r' && buf[start + 2] == 'o'
                && buf[start + 3] == 'm' && buf[start + 4] == ' ';
    }

    private boolean isEscapedFrom(int start, int end) {
        int i = start;
        while (i < end && buf[i] == '>') i++;
        return isFromLine(i, end);
    }

    /** Envelope lines end with a date: look for "d:d" (a time) or, failing that, a 4-digit year. */
    private boolean looksLikeEnvelope(int start, int end) {
        int digits = 0;
        for (int i = start + 5; i < end; i++) {
            byte b = buf[i];
            if (b >= '0' && b <= '9') {
                digits++;
                if (digits == 4) return true;
            } else {
                if (b == ':' && digits > 0 && i + 1 < end && buf[i + 1] >= '0' && buf[i + 1] <= '9') return true;
                digits = 0;
            }
        }
        return false;
    }

    private void append(int from, int end) {
        int len = end - from;
        if (msgLen + len > msg.length) {
            msg = Arrays.copyOf(msg, Math.max(msg.length * 2, msgLen + len));
        }
        lastLineStart = msgLen;
        System.arraycopy(buf, from, msg, msgLen, len);
        msgLen += len;
    }

    private void emit() {
        if (!inMessage) return;
        int len = msgLen;
        // The empty line before the next separator belongs to the mbox format, not to the message.
        if (lastLineStart >= 0 && isBlank(lastLineStart, msgLen)) {
            len = lastLineStart;
        }
        count++;
        sink.accept(new RawMessage(name + "#" + count, Arrays.copyOf(msg, len)));
        msgLen = 0;
        lastLineStart = -1;
        inMessage = false;
        if (msg.length > (1 << 24)) {
            msg = new byte[1 << 16]; // don't keep a buffer sized for one huge message
        }
    }

    private boolean isBlank(int start, int end) {
        int len = end - start;
        return len == 1 && msg[start] == '\n' || len == 2 && msg[start] == '\r' && msg[start + 1] == '\n';
    }

    private int indexOfNewline(int from, int to) {
        byte[] b = buf;
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') return i;
        }
        return -1;
    }

    /** Moves the unread tail to the front and reads more; grows the buffer for lines longer than it. */
    private boolean fill(InputStream in) throws IOException {
        int remaining = limit - pos;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, remaining);
        } else if (remaining == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        pos = 0;
        limit = remaining;
        int n = in.read(buf, limit, buf.length - limit);
        if (n <= 0) return false;
        limit += n;
        return true;
    }
}
