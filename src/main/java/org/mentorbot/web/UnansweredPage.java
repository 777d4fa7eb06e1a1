package org.mentorbot.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mentorbot.archive.ArchiveQuery;
import org.mentorbot.archive.ArchiveSearch;

/**
 * {@code /unanswered}: inquiry threads in which nobody but the asker has written, newest first, grouped per
 * mentor and per idea with counts; {@code ?mentor=} and {@code ?idea=} (an idea id) narrow the list.
 */
final class UnansweredPage implements Route {

    /** More unanswered threads than this is a backlog to search, not to read on one page. */
    static final int MAX_THREADS = 500;
    static final String NO_MENTOR = "(no mentor known)";
    static final String NO_IDEA = "(no specific idea)";

    private final ArchiveSearch search;

    UnansweredPage(ArchiveSearch search) {
        this.search = search;
    }

    /** One unanswered thread and the inquiry that opened it. */
    private record Inquiry(ArchiveSearch.ThreadHit thread, ArchiveSearch.Hit hit, List<String> mentors, String ideaId,
                           String ideaTitle) {
    }

    /** A group's heading, its filter link, and its threads. */
    private record Group(String name, String filter, List<Inquiry> inquiries) {
    }

    @Override
    public Response respond(Request request) {
        String mentor = request.text("mentor");
        String idea = request.text("idea");
        StringBuilder query = new StringBuilder("is:inquiry is:unanswered");
        if (mentor != null) query.append(' ').append(QueryText.clause("mentor", mentor));
        if (idea != null) query.append(' ').append(QueryText.clause("idea", idea));
        query.append(" sort:-date");
        ArchiveSearch.Page page;
        try {
            page = search.search(query.toString(), 1, MAX_THREADS);
        } catch (ArchiveQuery.QuerySyntaxException e) {
            return ErrorPage.badRequest(e.getMessage());
        }
        List<Inquiry> inquiries = new ArrayList<>();
        for (ArchiveSearch.ThreadHit thread : page.threads()) inquiries.add(inquiry(thread));

        Map<String, Group> byMentor = new TreeMap<>();
        Map<String, Group> byIdea = new TreeMap<>();
        for (Inquiry i : inquiries) {
            if (i.mentors().isEmpty()) {
                byMentor.computeIfAbsent("~", k -> new Group(NO_MENTOR, null, new ArrayList<>())).inquiries().add(i);
            }
            for (String m : i.mentors()) {
                byMentor.computeIfAbsent(m, k -> new Group(m, Links.unanswered(m, null), new ArrayList<>())).inquiries().add(i);
            }
            if (i.ideaId() == null) {
                byIdea.computeIfAbsent("~", k -> new Group(NO_IDEA, null, new ArrayList<>())).inquiries().add(i);
            } else {
                String title = i.ideaTitle() == null ? i.ideaId() : i.ideaTitle();
                byIdea.computeIfAbsent(title.toLowerCase(java.util.Locale.ROOT) + "\u0000" + i.ideaId(),
                        k -> new Group(title, Links.unanswered(null, i.ideaId()), new ArrayList<>())).inquiries().add(i);
            }
        }

        StringBuilder b = new StringBuilder("<h1>Unanswered inquiries</h1>\n");
        if (mentor != null || idea != null) {
            b.append("<p class=\"filter\">Only ");
            if (mentor != null) b.append("mentor <strong>").append(Html.escape(mentor)).append("</strong> ");
            if (idea != null) b.append("idea <strong>").append(Html.escape(idea)).append("</strong> ");
            b.append("· <a href=\"").append(Links.UNANSWERED).append("\">show all</a></p>\n");
        }
        b.append("<p class=\"summary\" id=\"summary\">").append(inquiries.size())
                .append(inquiries.size() == 1 ? " thread" : " threads")
                .append(" in which nobody but the asker has written")
                .append(page.totalThreads() > inquiries.size() ? " (the newest " + inquiries.size() + " of " + page.totalThreads() + ")" : "")
                .append(".</p>\n");
        if (!inquiries.isEmpty()) {
            b.append("<div class=\"counts\">\n");
            counts(b, "Per mentor", "by-mentor", byMentor);
            counts(b, "Per idea", "by-idea", byIdea);
            b.append("</div>\n");
            groups(b, "By mentor", "mentor", byMentor);
            groups(b, "By idea", "idea", byIdea);
        }
        return Response.html(200, Layout.page("Unanswered inquiries", b.toString()));
    }

    /** The thread's first inquiry: it carries the routed idea and the mentors. */
    private static Inquiry inquiry(ArchiveSearch.ThreadHit thread) {
        ArchiveSearch.Hit hit = thread.hits().stream().filter(ArchiveSearch.Hit::inquiry).findFirst().orElse(thread.hits().get(0));
        return new Inquiry(thread, hit, hit.mentors(), hit.ideaId(), hit.ideaTitle());
    }

    private static void counts(StringBuilder b, String title, String id, Map<String, Group> groups) {
        b.append("<table class=\"count-table\" id=\"").append(id).append("\">\n<caption>").append(title)
                .append("</caption>\n");
        for (Group g : groups.values()) {
            b.append("<tr><td>");
            if (g.filter() == null) b.append(Html.escape(g.name()));
            else b.append("<a href=\"").append(Html.escape(g.filter())).append("\">").append(Html.escape(g.name())).append("</a>");
            b.append("</td><td class=\"count\">").append(g.inquiries().size()).append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    private static void groups(StringBuilder b, String title, String kind, Map<String, Group> groups) {
        b.append("<section class=\"groups\">\n<h2>").append(title).append("</h2>\n");
        for (Group g : groups.values()) {
            b.append("<section class=\"group ").append(kind).append("\">\n<h3>").append(Html.escape(g.name()))
                    .append(" <span class=\"count\">").append(g.inquiries().size()).append("</span></h3>\n<ul>\n");
            for (Inquiry i : g.inquiries()) {
                b.append("<li><a class=\"thread-link\" href=\"").append(Html.escape(Links.thread(i.thread().threadId())))
                        .append("\">").append(Html.escape(Badges.subject(i.thread().subject()))).append("</a> <span class=\"meta\">")
                        .append(Html.escape(i.hit().from())).append(" · ").append(Html.escape(Dates.display(i.hit().date())))
                        .append("</span>");
                if (!"idea".equals(kind) && i.ideaTitle() != null) b.append(Badges.of(false, i.ideaTitle()));
                b.append("</li>\n");
            }
            b.append("</ul>\n</section>\n");
        }
        b.append("</section>\n");
    }
}
