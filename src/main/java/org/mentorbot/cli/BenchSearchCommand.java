package org.mentorbot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mentorbot.archive.ArchiveAnalyzer;
import org.mentorbot.archive.ArchiveQuery;
import org.mentorbot.archive.ArchiveSearch;
import org.mentorbot.archive.ReadOnlyArchive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mentorbot bench-search}: times a fixed set of queries against an archive, in-process, each one
 * producing the first page a person would see (threads, snippets, facets).
 */
@Command(name = "bench-search", mixinStandardHelpOptions = true,
        description = {"Benchmark search: time a fixed set of queries in-process, a first page of 20 threads each.",
                "Warm-up rounds first; prints each query's median, hits and threads, then the median, p90, p99 "
                        + "and maximum over all timed runs."})
final class BenchSearchCommand implements Callable<Integer> {

    private static final int PAGE_SIZE = 20;

    @Spec
    CommandSpec spec;

    @Option(names = "--archive", required = true, paramLabel = "DIR", description = "The archive index directory.")
    Path archiveDir;

    @Option(names = "--queries", required = true, paramLabel = "FILE",
            description = "One query per line; text after a tab (e.g. the notmuch equivalent) is ignored.")
    Path queriesFile;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "10", description = "Timed rounds over all queries (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "3",
            description = "Untimed rounds first, so that the JIT and the page cache are warm (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Override
    public Integer call() throws IOException {
        if (runs < 1) throw new UserError("--runs must be at least 1");
        if (warmup < 0) throw new UserError("--warmup must not be negative");
        List<String> queries = readQueries(queriesFile);
        PrintWriter out = spec.commandLine().getOut();
        try (ReadOnlyArchive archive = Setup.openArchive(archiveDir, ReadOnlyArchive.Files.MAPPED)) {
            ArchiveSearch search = ArchiveSearch.of(archive);
            // Rounds rather than each query N times in a row: a query repeated back to back would find its
            // own postings in the CPU caches, which a person's next query does not.
            for (int round = 0; round < warmup; round++) {
                for (String q : queries) run(search, q);
            }
            double[][] millis = new double[queries.size()][runs];
            ArchiveSearch.Page[] pages = new ArchiveSearch.Page[queries.size()];
            for (int round = 0; round < runs; round++) {
                for (int i = 0; i < queries.size(); i++) {
                    long start = System.nanoTime();
                    pages[i] = run(search, queries.get(i));
                    millis[i][round] = (System.nanoTime() - start) / 1e6;
                }
            }
            out.printf("%9s %9s %8s  %s%n", "median ms", "messages", "threads", "query");
            double[] all = new double[queries.size() * runs];
            for (int i = 0; i < queries.size(); i++) {
                System.arraycopy(millis[i], 0, all, i * runs, runs);
                out.printf("%9.2f %9d %8d  %s%n", new Latencies(millis[i]).median(), pages[i].totalMessages(),
                        pages[i].totalThreads(), queries.get(i));
            }
            Latencies total = new Latencies(all);
            out.printf("search: %d queries × %d runs: median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    queries.size(), runs, total.median(), total.percentile(90), total.percentile(99), total.max());
            out.flush();
        }
        return 0;
    }

    private static ArchiveSearch.Page run(ArchiveSearch search, String query) {
        try {
            return search.search(query, 1, PAGE_SIZE);
        } catch (ArchiveQuery.QuerySyntaxException e) {
            throw new UserError(e.getMessage()); // checked up front, so only a changed parser gets here
        }
    }

    /** The first column of each line that is neither empty nor a comment. */
    static List<String> readQueries(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserError("queries " + file + ": no such file");
        }
        List<String> queries = new ArrayList<>();
        ArchiveQuery parser = new ArchiveQuery(new ArchiveAnalyzer(), Clock.systemUTC());
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank() || line.startsWith("#")) continue;
            int tab = line.indexOf('\t');
            String query = (tab < 0 ? line : line.substring(0, tab)).strip();
            if (query.isEmpty()) throw new UserError("queries " + file + ": line " + (n + 1) + ": no query before the tab");
            try {
                parser.parse(query);
            } catch (ArchiveQuery.QuerySyntaxException e) {
                throw new UserError("queries " + file + ": line " + (n + 1) + ": " + e.getMessage());
            }
            queries.add(query);
        }
        if (queries.isEmpty()) throw new UserError("queries " + file + ": no queries");
        return queries;
    }

}
