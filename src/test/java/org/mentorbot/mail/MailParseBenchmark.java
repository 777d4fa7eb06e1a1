package org.mentorbot.mail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput of reading and parsing a real archive (not a JUnit test: it needs ../shared or a local copy).
 *
 * <pre>
 * ./mvnw -q test-compile
 * java -Xmx512m -cp target/classes:target/test-classes:$(cat cp.txt) org.mentorbot.mail.MailParseBenchmark \
 *     [--normalize] /work/shared/corpus/linux-block.mbox.xz
 * </pre>
 * Prints messages/s for read-only (split) and read+parse passes, and the parse failures seen.
 */
public final class MailParseBenchmark {

    public static void main(String[] args) throws Exception {
        boolean normalize = false;
        List<Path> inputs = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--normalize")) normalize = true;
            else inputs.add(Path.of(arg));
        }
        if (inputs.isEmpty()) inputs.add(Path.of("/work/shared/corpus/linux-block.mbox.xz"));
        for (Path p : inputs) {
            if (!Files.exists(p)) {
                System.err.println("missing " + p);
                return;
            }
        }

        AtomicLong count = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        long t0 = System.nanoTime();
        MailInput.read(inputs, raw -> {
            count.incrementAndGet();
            bytes.addAndGet(raw.bytes().length);
        }, System.err::println);
        report("read only", count.get(), bytes.get(), System.nanoTime() - t0);

        AtomicLong parsed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong patches = new AtomicLong();
        AtomicLong noDate = new AtomicLong();
        boolean doNormalize = normalize;
        count.set(0);
        bytes.set(0);
        long t1 = System.nanoTime();
        MailInput.read(inputs, raw -> {
            count.incrementAndGet();
            bytes.addAndGet(raw.bytes().length);
            try {
                MailMessage m = MailParser.parse(raw);
                parsed.incrementAndGet();
                if (m.date() == null) {
                    if (noDate.incrementAndGet() <= 5) System.err.println("no date: " + m.source() + " " + m.header("date"));
                }
                if (doNormalize && TextNormalizer.normalize(m.body()).hasPatch()) patches.incrementAndGet();
            } catch (MailParseException e) {
                if (failed.incrementAndGet() <= 10) System.err.println(e.getMessage());
            }
        }, System.err::println);
        report(normalize ? "read+parse+normalize" : "read+parse", count.get(), bytes.get(), System.nanoTime() - t1);
        System.out.printf("parsed %d, failed %d, without date %d%s%n", parsed.get(), failed.get(), noDate.get(),
                normalize ? ", with patch " + patches.get() : "");
    }

    private static void report(String what, long messages, long bytes, long nanos) {
        double seconds = nanos / 1e9;
        System.out.printf("%-22s %,d messages, %,d MB in %.1f s: %,.0f msg/s, %.0f MB/s%n", what, messages,
                bytes >> 20, seconds, messages / seconds, (bytes >> 20) / seconds);
    }
}
