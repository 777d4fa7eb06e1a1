package org.mentorbot.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mentorbot.archive.ArchiveQuery;
import org.mentorbot.archive.ArchiveSearch;
import org.mentorbot.archive.ReadOnlyArchive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mentorbot search}: threads of the archive matching a query, as text or JSON Lines. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search the archive. Prefixes: s: f: t: c: tc: b: nq: q: l: d: idea: mentor: m: is:inquiry is:patch "
                + "is:unanswered; \"phrases\", OR, NOT/-, (groups), sort:date|-date; e.g. 'virtio d:2011.. is:inquiry'.")
final class SearchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--archive", required = true, paramLabel = "DIR", description = "The archive index directory.")
    Path archiveDir;

    @Option(names = "--json", description = "One JSON object per thread (JSON Lines).")
    boolean json;

    @Option(names = "--page", paramLabel = "N", description = "Page of results (from 1).")
    int page = 1;

    @Option(names = "--per-page", paramLabel = "N", description = "Threads per page.")
    int perPage = 20;

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "The query (several words are joined).")
    String[] words;

    @Override
    public Integer call() throws IOException {
        String query = String.join(" ", words);
        // Read-only: searching must work while the daemon or an import writes the archive.
        try (ReadOnlyArchive archive = Setup.openArchive(archiveDir, ReadOnlyArchive.Files.MAPPED)) {
            ArchiveSearch search = ArchiveSearch.of(archive);
            ArchiveSearch.Page result;
            try {
                result = search.search(query, Math.max(1, page), Math.max(1, perPage));
            } catch (ArchiveQuery.QuerySyntaxException e) {
                throw new UserError(e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) writeJson(out, result);
            else writeText(out, result);
            out.flush();
        }
        return 0;
    }

    private static void writeText(PrintWriter out, ArchiveSearch.Page page) {
        out.printf("%d messages in %d threads match; page %d%n%n", page.totalMessages(), page.totalThreads(), page.page());
        for (ArchiveSearch.ThreadHit thread : page.threads()) {
            out.printf("%s  (%d matching)%n", oneLine(thread.subject()), thread.matching());
            for (ArchiveSearch.Hit hit : thread.hits()) {
                out.printf("  %s  %s%s%n", hit.date() == 0 ? "????-??-??" : Instant.ofEpochMilli(hit.date()).toString().substring(0, 10),
                        oneLine(hit.from()), hit.inquiry() ? "  [inquiry" + (hit.ideaTitle() == null ? "" : ": " + hit.ideaTitle()) + "]" : "");
                out.printf("    %s%n", oneLine(hit.snippet()).replace(ArchiveSearch.MATCH_START, "[").replace(ArchiveSearch.MATCH_END, "]"));
                out.printf("    %s%n", oneLine(hit.messageId()));
            }
            out.println();
        }
        facet(out, "ideas", page.facets().ideas());
        facet(out, "mentors", page.facets().mentors());
        facet(out, "years", page.facets().years());
    }

    private static void facet(PrintWriter out, String name, Map<?, Integer> counts) {
        if (counts.isEmpty()) return;
        StringBuilder line = new StringBuilder(name).append(':');
        counts.forEach((k, v) -> line.append("  ").append(oneLine(String.valueOf(k))).append(" (").append(v).append(')'));
        out.println(line);
    }

    /** Mail text is untrusted: no control characters reach the terminal. */
    private static String oneLine(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c == '\u0002' || c == '\u0003') b.append(c);
            else if (Character.isISOControl(c)) b.append(' ');
            else b.append(c);
        }
        return b.toString().replaceAll(" {2,}", " ").strip();
    }

    private static void writeJson(PrintWriter out, ArchiveSearch.Page page) throws IOException {
        for (ArchiveSearch.ThreadHit thread : page.threads()) {
            java.io.StringWriter line = new java.io.StringWriter();
            try (JsonGenerator g = new JsonFactory().createGenerator(line)) {
                g.writeStartObject();
                g.writeStringField("thread", thread.threadId());
                g.writeStringField("subject", thread.subject());
                g.writeNumberField("matching", thread.matching());
                g.writeArrayFieldStart("messages");
                for (ArchiveSearch.Hit hit : thread.hits()) {
                    g.writeStartObject();
                    g.writeStringField("messageId", hit.messageId());
                    g.writeStringField("subject", hit.subject());
                    g.writeStringField("from", hit.from());
                    g.writeStringField("date", hit.date() == 0 ? null : Instant.ofEpochMilli(hit.date()).toString());
                    g.writeStringField("snippet", hit.snippet().replace(ArchiveSearch.MATCH_START, "").replace(ArchiveSearch.MATCH_END, ""));
                    g.writeBooleanField("inquiry", hit.inquiry());
                    g.writeStringField("idea", hit.ideaTitle());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            out.println(line);
        }
    }
}
