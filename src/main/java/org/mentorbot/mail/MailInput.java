package org.mentorbot.mail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the user's inputs and hands out raw messages in input order.
 *
 * <p>An input is a single message file (.eml or any RFC 822 file), a directory (walked recursively, names
 * sorted; a maildir inside is read new/ then cur/), or an mbox recognised by content (pipermail monthly
 * archives included). Any file may be gzip- or xz-compressed. Problems with one file become a warning and the
 * rest is still read; only an input that does not exist at all stops the run, because that is a typo the user
 * must see.
 */
public final class MailInput {

    private static final int PEEK = 8192;
    /** Files up to this size are read whole at once (every single message in practice). */
    private static final long WHOLE_FILE = 1 << 20;

    private MailInput() {
    }

    public static void read(List<Path> inputs, Consumer<RawMessage> sink, Consumer<String> warnings)
            throws MailInputException {
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                throw new MailInputException("input " + input + ": no such file or directory");
            }
        }
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                DirectoryWalker.walk(input, file -> readFile(file, sink, warnings), warnings);
            } else if (Files.isRegularFile(input)) {
                readFile(input, sink, warnings);
            } else {
                throw new MailInputException("input " + input + ": not a regular file or directory");
            }
        }
    }

    /** One file: a single message or an mbox, possibly compressed. */
    static void readFile(Path file, Consumer<RawMessage> sink, Consumer<String> warnings) {
        String name = file.toString();
        try {
            long size = Files.size(file);
            if (size > WHOLE_FILE) {
                readStream(Files.newInputStream(file), name, size, sink, warnings);
                return;
            }
            // A maildir or .eml directory is 100,000 small files: one allocation each, not a stream's several.
            byte[] bytes = Files.readAllBytes(file);
            if (Compression.isCompressed(bytes) || startsWithFromLine(bytes)) {
                readStream(new ByteArrayInputStream(bytes), name, size, sink, warnings);
            } else if (bytes.length == 0) {
                warnings.accept("input " + name + ": empty file, skipped");
            } else {
                sink.accept(new RawMessage(name, bytes));
            }
        } catch (IOException e) {
            // Corrupt gzip/xz data, truncated archives and permission problems all arrive here.
            warnings.accept("input " + name + ": unreadable or corrupt (" + oneLine(e) + "), skipped");
        }
    }

    /** A compressed file or an mbox, read as a stream so that its size does not matter. */
    private static void readStream(InputStream source, String name, long size, Consumer<RawMessage> sink,
            Consumer<String> warnings) throws IOException {
        try (InputStream in = Compression.decompressed(source, name, size)) {
            in.mark(PEEK);
            byte[] head = in.readNBytes(PEEK);
            in.reset();
            if (head.length == 0) {
                warnings.accept("input " + name + ": empty file, skipped");
                return;
            }
            if (startsWithFromLine(head)) {
                int n = MboxSplitter.split(in, name, sink);
                if (n == 0) warnings.accept("input " + name + ": mbox without messages");
            } else {
                sink.accept(new RawMessage(name, in.readAllBytes()));
            }
        }
    }

    /** The first non-empty line starts with "From ": an mbox (also pipermail's .txt archives). */
    static boolean startsWithFromLine(byte[] head) {
        int i = 0;
        while (i < head.length && (head[i] == '\n' || head[i] == '\r' || head[i] == ' ' || head[i] == '\t')) i++;
        return head.length - i >= 5 && head[i] == 'F' && head[i + 1] == 'r' && head[i + 2] == 'o' && head[i + 3] == 'm'
                && head[i + 4] == ' ';
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }
}
