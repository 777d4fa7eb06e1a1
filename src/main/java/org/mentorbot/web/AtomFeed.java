package org.mentorbot.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.mentorbot.archive.ArchiveQuery;
import org.mentorbot.archive.ArchiveSearch;

/**
 * {@code /atom?q=}: the newest messages matching a query as an Atom 1.0 feed (RFC 4287), so that a mentor's
 * feed reader shows new inquiries. Links are relative to the feed's own URL, which readers resolve; the
 * server does not know the name it is reached by.
 */
final class AtomFeed implements Route {

    static final String TYPE = "application/atom+xml; charset=utf-8";
    static final int ENTRIES = 50;

    private final ArchiveSearch search;
    private final Clock clock;

    AtomFeed(ArchiveSearch search, Clock clock) {
        this.search = search;
        this.clock = clock;
    }

    @Override
    public Response respond(Request request) {
        String query = request.text("q");
        if (query == null) return ErrorPage.badRequest("A feed needs a query: /atom?q=...");
        ArchiveSearch.Page page;
        try {
            page = search.search(QueryText.newestFirst(query), 1, ENTRIES);
        } catch (ArchiveQuery.QuerySyntaxException e) {
            return ErrorPage.badRequest(e.getMessage());
        }
        List<ArchiveSearch.Hit> hits = new ArrayList<>();
        for (ArchiveSearch.ThreadHit thread : page.threads()) hits.addAll(thread.hits());
        hits.sort(Comparator.comparingLong(ArchiveSearch.Hit::date).reversed());
        if (hits.size() > ENTRIES) hits = hits.subList(0, ENTRIES);

        String updated = hits.isEmpty() ? Dates.rfc3339(clock.millis()) : Dates.rfc3339(hits.get(0).date());
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
                .append("<title>").append(Xml.escape("mentorbot: " + query)).append("</title>\n")
                // The same query is the same feed across restarts: its id derives from the query alone.
                .append("<id>urn:uuid:").append(UUID.nameUUIDFromBytes(("mentorbot feed " + query).getBytes(StandardCharsets.UTF_8)))
                .append("</id>\n")
                .append("<updated>").append(updated).append("</updated>\n")
                .append("<link rel=\"self\" type=\"application/atom+xml\" href=\"").append(Xml.escape(Links.atom(query))).append("\"/>\n")
                .append("<link rel=\"alternate\" type=\"text/html\" href=\"")
                .append(Xml.escape(Links.search(query, Links.Sort.NEWEST, 1))).append("\"/>\n")
                .append("<author><name>mentorbot</name></author>\n")
                .append("<generator>mentorbot</generator>\n");
        for (ArchiveSearch.Hit hit : hits) entry(x, hit);
        x.append("</feed>\n");
        return Response.of(200, TYPE, x.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void entry(StringBuilder x, ArchiveSearch.Hit hit) {
        String bare = hit.messageId().replaceAll("^<|>$", "");
        x.append("<entry>\n")
                // RFC 2392's mid: URL names a message by its Message-ID, wherever it is archived.
                .append("<id>mid:").append(Xml.escape(Links.encode(bare))).append("</id>\n")
                .append("<title type=\"text\">").append(Xml.escape(Badges.subject(hit.subject()))).append("</title>\n")
                .append("<updated>").append(Dates.rfc3339(hit.date())).append("</updated>\n")
                .append("<author><name>").append(Xml.escape(hit.from() == null || hit.from().isBlank() ? "unknown" : hit.from()))
                .append("</name></author>\n")
                .append("<link rel=\"alternate\" type=\"text/html\" href=\"").append(Xml.escape(Links.message(hit.messageId())))
                .append("\"/>\n");
        if (hit.inquiry()) x.append("<category term=\"inquiry\"/>\n");
        if (hit.ideaTitle() != null) x.append("<category term=\"idea\" label=\"").append(Xml.escape(hit.ideaTitle())).append("\"/>\n");
        // The match marks are control characters, which XML 1.0 cannot carry: Xml.escape drops them.
        x.append("<summary type=\"text\">").append(Xml.escape(hit.snippet())).append("</summary>\n")
                .append("</entry>\n");
    }
}
