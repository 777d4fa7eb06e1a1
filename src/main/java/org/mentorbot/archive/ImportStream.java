package org.mentorbot.archive;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.mentorbot.mail.MailInput;
import org.mentorbot.mail.MailInputException;
import org.mentorbot.mail.MailMessage;
import org.mentorbot.mail.MailParseException;
import org.mentorbot.mail.MailParser;
import org.mentorbot.mail.MessageText;
import org.mentorbot.mail.RawMessage;
import org.mentorbot.mail.TextNormalizer;

/**
 * Like {@link org.mentorbot.mail.MailStream} (parse on all cores, consume in input order, bounded memory),
 * but a message whose Message-ID is already archived is recognised from its raw header and never parsed:
 * that is what makes a repeated or resumed import fast.
 */
final class ImportStream {

    /** A message in input order: already archived, parsed, or the reason it could not be. */
    record Item(RawMessage raw, MailMessage message, MessageText text, String error, boolean archived) {
    }

    /** Thrown by a consumer to end the stream early. */
    static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    private static final Item END = new Item(null, null, null, null, false);

    private ImportStream() {
    }

    static void forEach(List<Path> inputs, Predicate<String> isArchived, Consumer<Item> consumer,
            Consumer<String> warnings) throws MailInputException {
        int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(workers, daemon("mentorbot-import-parse"));
        BlockingQueue<CompletableFuture<Item>> queue = new ArrayBlockingQueue<>(512);
        MailInputException[] failure = new MailInputException[1];
        StopFlag stopped = new StopFlag();
        Thread reader = daemon("mentorbot-import-read").newThread(() -> {
            try {
                MailInput.read(inputs, raw -> {
                    if (stopped.value) throw new Stop();
                    String id = HeaderScan.messageId(raw.bytes());
                    if (id != null && isArchived.test(id)) {
                        put(queue, CompletableFuture.completedFuture(new Item(raw, null, null, null, true)));
                    } else {
                        put(queue, CompletableFuture.supplyAsync(() -> parse(raw), pool));
                    }
                }, warnings);
            } catch (MailInputException e) {
                failure[0] = e;
            } catch (Stop | IllegalStateException e) {
                // the consumer ended the stream, or we were interrupted
            } finally {
                put(queue, CompletableFuture.completedFuture(END));
            }
        });
        reader.start();
        try {
            while (true) {
                Item item = queue.take().join();
                if (item == END) break;
                consumer.accept(item);
            }
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Stop e) {
            stopped.value = true;
            queue.clear(); // unblock the reader so it sees the flag
            throw e;
        } finally {
            pool.shutdownNow();
        }
        if (failure[0] != null) throw failure[0];
    }

    private static final class StopFlag {
        volatile boolean value;
    }

    private static Item parse(RawMessage raw) {
        try {
            MailMessage message = MailParser.parse(raw);
            return new Item(raw, message, TextNormalizer.normalize(message.body()), null, false);
        } catch (MailParseException e) {
            return new Item(raw, null, null, e.getMessage(), false);
        } catch (RuntimeException e) {
            // A parser bug on one hostile message must not end an import of a whole archive.
            return new Item(raw, null, null, raw.source() + ": cannot parse (" + e + ")", false);
        }
    }

    private static <T> void put(BlockingQueue<T> queue, T item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading mail", e);
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        };
    }
}
