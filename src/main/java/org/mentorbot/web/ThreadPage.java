package org.mentorbot.web;

import java.util.List;
import org.mentorbot.archive.ArchiveSearch;
import org.mentorbot.archive.ArchivedMessage;

/** {@code /thread?id=}: every message of a thread, oldest first, with the author's own words. */
final class ThreadPage implements Route {

    private final ArchiveSearch search;

    ThreadPage(ArchiveSearch search) {
        this.search = search;
    }

    @Override
    public Response respond(Request request) {
        String id = request.text("id");
        if (id == null) return ErrorPage.badRequest("Which thread? The link has no id.");
        id = Links.bracketed(id);
        List<ArchivedMessage> messages = search.thread(id);
        if (messages.isEmpty()) return ErrorPage.notFound("No thread " + id + " in the archive.");
        String subject = Badges.subject(messages.get(0).subject());
        StringBuilder b = new StringBuilder("<h1>").append(Html.escape(subject)).append("</h1>\n<p class=\"meta\">")
                .append(messages.size()).append(messages.size() == 1 ? " message" : " messages").append(" · <a href=\"")
                .append(Html.escape(Links.threadMbox(id))).append("\" id=\"mbox\">download as mbox</a></p>\n");
        for (ArchivedMessage m : messages) {
            b.append("<article class=\"message\">\n<h2><a class=\"message-link\" href=\"")
                    .append(Html.escape(Links.message(m.messageId()))).append("\">")
                    .append(Html.escape(Badges.subject(m.subject()))).append("</a></h2>\n<div class=\"meta\">")
                    .append(Html.escape(m.from())).append(" · ").append(Html.escape(Dates.display(m.date())))
                    .append(Badges.of(m.inquiry(), m.ideaTitle())).append("</div>\n");
            String words = m.body() == null ? "" : m.body().strip();
            b.append(words.isEmpty() ? "<p class=\"empty\">(nothing but quotes, patches or signatures)</p>\n"
                    : "<pre class=\"body\">" + Html.escape(words) + "</pre>\n");
            b.append("</article>\n");
        }
        return Response.html(200, Layout.page(subject, b.toString()));
    }
}
