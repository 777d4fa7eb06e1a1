package org.mentorbot.mail;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Reads inputs and parses their messages on all cores while handing them to the consumer strictly in
 * input order: one thread splits the inputs, workers parse, the caller's thread consumes. The queue is
 * bounded, so memory stays flat however large the mbox.
 */
public final class MailStream {

    /** A message in input order: either parsed, or the one-line reason it could not be. */
    public record Item(RawMessage raw, MailMessage message, MessageText text, String error) {
    }

    private static final Item END = new Item(null, null, null, null);

    private MailStream() {
    }

    public static void forEach(List<Path> inputs, Consumer<Item> consumer, Consumer<String> warnings)
            throws MailInputException {
        int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(workers, daemon("mentorbot-parse"));
        BlockingQueue<CompletableFuture<Item>> queue = new ArrayBlockingQueue<>(512);
        MailInputException[] failure = new MailInputException[1];
        Thread reader = daemon("mentorbot-read").newThread(() -> {
            try {
                MailInput.read(inputs, raw -> put(queue, CompletableFuture.supplyAsync(() -> parse(raw), pool)), warnings);
            } catch (MailInputException e) {
                failure[0] = e;
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
        } finally {
            pool.shutdownNow();
        }
        if (failure[0] != null) throw failure[0];
    }

    private static Item parse(RawMessage raw) {
        try {
            MailMessage message = MailParser.parse(raw);
            return new Item(raw, message, TextNormalizer.normalize(message.body()), null);
        } catch (MailParseException e) {
            return new Item(raw, null, null, e.getMessage());
        } catch (RuntimeException e) {
            // A parser bug on one hostile message must not end a run over a whole archive.
            return new Item(raw, null, null, raw.source() + ": cannot parse (" + e + ")");
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

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        };
    }
}
