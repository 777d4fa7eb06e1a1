package org.mentorbot.web;

import java.util.Map;
import org.mentorbot.archive.ArchiveQuery;
import org.mentorbot.archive.ArchiveSearch;

/** {@code /}: the search box, its syntax help, and a page of results grouped by thread with facets. */
final class SearchPage implements Route {

    static final int PAGE_SIZE = 20;
    /** Deeper pages are not read by people; the bound also keeps page × size far from overflowing. */
    static final int MAX_PAGE = 1000;

    private final ArchiveSearch search;

    SearchPage(ArchiveSearch search) {
        this.search = search;
    }

    @Override
    public Response respond(Request request) {
        String query = request.text("q");
        Links.Sort sort = "newest".equals(request.param("sort")) ? Links.Sort.NEWEST : Links.Sort.RELEVANCE;
        int page = request.number("page", 1, MAX_PAGE);
        if (query == null) {
            return Response.html(200, Layout.page("Search", "<h1>Search the archive</h1>\n" + form("", sort) + help()));
        }
        ArchiveSearch.Page result;
        try {
            result = search.search(QueryText.withOrder(query, sort), page, PAGE_SIZE);
        } catch (ArchiveQuery.QuerySyntaxException e) {
            return Response.html(400, Layout.page("Bad query", "<h1>Search the archive</h1>\n" + form(query, sort)
                    + "<p class=\"error\" id=\"query-error\">" + Html.escape(e.getMessage()) + "</p>\n" + help()));
        }
        String feed = "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"" + Html.escape("Feed: " + query)
                + "\" href=\"" + Html.escape(Links.atom(query)) + "\">\n";
        return Response.html(200, Layout.page(query, feed, "<h1>Search the archive</h1>\n" + form(query, sort)
                + results(query, sort, result) + help()));
    }

    private static String form(String query, Links.Sort sort) {
        boolean newest = sort == Links.Sort.NEWEST || "-date".equals(QueryText.sortOf(query));
        return "<form class=\"search\" method=\"get\" action=\"" + Links.SEARCH + "\" role=\"search\">\n"
                + "<input type=\"search\" id=\"q\" name=\"q\" value=\"" + Html.escape(query) + "\" aria-label=\"Query\""
                + " placeholder=\"virtio is:inquiry d:2011..\" autofocus>\n"
                + "<select name=\"sort\" id=\"sort\" aria-label=\"Order\">"
                + "<option value=\"relevance\"" + (newest ? "" : " selected") + ">best match</option>"
                + "<option value=\"newest\"" + (newest ? " selected" : "") + ">newest first</option></select>\n"
                + "<button type=\"submit\" id=\"search\">Search</button>\n</form>\n";
    }

    private static String results(String query, Links.Sort sort, ArchiveSearch.Page page) {
        StringBuilder b = new StringBuilder("<div class=\"results\">\n<section class=\"threads\">\n");
        b.append("<p class=\"summary\" id=\"summary\">").append(page.totalMessages()).append(" messages in ")
                .append(page.totalThreads()).append(page.totalThreads() == 1 ? " thread" : " threads")
                .append(" match · <a href=\"").append(Html.escape(Links.atom(query))).append("\">Atom feed</a></p>\n");
        for (ArchiveSearch.ThreadHit thread : page.threads()) {
            b.append("<article class=\"thread\">\n<h2><a class=\"thread-link\" href=\"")
                    .append(Html.escape(Links.thread(thread.threadId()))).append("\">")
                    .append(Html.escape(Badges.subject(thread.subject()))).append("</a></h2>\n<p class=\"meta\">")
                    .append(thread.matching()).append(thread.matching() == 1 ? " matching message" : " matching messages")
                    .append("</p>\n<ol class=\"hits\">\n");
            for (ArchiveSearch.Hit hit : thread.hits()) {
                b.append("<li class=\"hit\"><div class=\"meta\"><a class=\"message-link\" href=\"")
                        .append(Html.escape(Links.message(hit.messageId()))).append("\">")
                        .append(Html.escape(Dates.display(hit.date()))).append("</a> · ")
                        .append(Html.escape(hit.from())).append(Badges.of(hit.inquiry(), hit.ideaTitle()))
                        .append("</div>\n<p class=\"snippet\">").append(Html.snippet(hit.snippet())).append("</p></li>\n");
            }
            b.append("</ol>\n</article>\n");
        }
        b.append(pagination(query, sort, page)).append("</section>\n");
        b.append("<aside class=\"facets\">\n");
        facet(b, "Ideas", page.facets().ideas(), query, sort, "idea");
        facet(b, "Mentors", page.facets().mentors(), query, sort, "mentor");
        facet(b, "Years", page.facets().years(), query, sort, "d");
        b.append("</aside>\n</div>\n");
        return b.toString();
    }

    /** Counts as links that narrow the query by one more clause, keeping the order chosen. */
    private static void facet(StringBuilder b, String name, Map<?, Integer> counts, String query, Links.Sort sort, String prefix) {
        if (counts.isEmpty()) return;
        b.append("<h3>").append(name).append("</h3>\n<ul class=\"facet\">\n");
        counts.forEach((value, count) -> b.append("<li><a href=\"")
                .append(Html.escape(Links.search(QueryText.refine(query, prefix, String.valueOf(value)), sort, 1)))
                .append("\">").append(Html.escape(String.valueOf(value))).append("</a> <span class=\"count\">")
                .append(count).append("</span></li>\n"));
        b.append("</ul>\n");
    }

    private static String pagination(String query, Links.Sort sort, ArchiveSearch.Page page) {
        int pages = (page.totalThreads() + page.pageSize() - 1) / page.pageSize();
        if (pages <= 1) return "";
        StringBuilder b = new StringBuilder("<nav class=\"pages\">");
        if (page.page() > 1) {
            b.append("<a rel=\"prev\" href=\"").append(Html.escape(Links.search(query, sort, page.page() - 1))).append("\">← previous</a> ");
        }
        b.append("<span>page ").append(page.page()).append(" of ").append(pages).append("</span>");
        if (page.page() < pages) {
            b.append(" <a rel=\"next\" href=\"").append(Html.escape(Links.search(query, sort, page.page() + 1))).append("\">next →</a>");
        }
        return b.append("</nav>\n").toString();
    }

    private static String help() {
        return """
                <details class="help" id="help">
                <summary>Query syntax</summary>
                <p>Words must all occur (in the subject, the text, the sender or the idea). Prefixes narrow a word or a
                "quoted phrase" to one field:</p>
                <table>
                <tr><th><code>s:</code> <code>subject:</code></th><td>subject</td></tr>
                <tr><th><code>f:</code> <code>from:</code></th><td>sender's name or address</td></tr>
                <tr><th><code>t:</code> <code>c:</code> <code>tc:</code></th><td>To, Cc, either</td></tr>
                <tr><th><code>b:</code> <code>nq:</code> <code>q:</code></th><td>text with quotes, the author's own words, quoted text</td></tr>
                <tr><th><code>l:</code> <code>list:</code></th><td>list id, e.g. <code>l:kernel</code></td></tr>
                <tr><th><code>d:</code> <code>date:</code></th><td>date or range: <code>d:2011</code>, <code>d:2011-02..2011-06</code>, <code>d:3.years.ago..</code>, <code>d:last.month</code></td></tr>
                <tr><th><code>idea:</code> <code>mentor:</code></th><td>routed idea (id or title words), the idea's mentor</td></tr>
                <tr><th><code>m:</code></th><td>Message-ID</td></tr>
                <tr><th><code>is:inquiry</code> <code>is:patch</code> <code>is:unanswered</code></th><td>students' inquiries, patches, inquiries nobody but the asker wrote in</td></tr>
                </table>
                <p><code>OR</code>, <code>NOT</code> or <code>-word</code>, and <code>( )</code> combine; <code>sort:-date</code>
                at the end orders newest first. Example: <code>virtio OR hammer2 is:inquiry d:2011..</code></p>
                </details>
                """;
    }
}
