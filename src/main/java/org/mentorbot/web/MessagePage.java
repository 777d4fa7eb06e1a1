package org.mentorbot.web;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mentorbot.archive.ArchiveSearch;
import org.mentorbot.archive.ArchivedMessage;
import org.mentorbot.mail.Address;
import org.mentorbot.mail.MailMessage;
import org.mentorbot.mail.MailParseException;
import org.mentorbot.mail.MailParser;
import org.mentorbot.mail.RawMessage;

/** {@code /message?id=}: one message's headers, its whole decoded text, and what triage decided. */
final class MessagePage implements Route {

    private final ArchiveSearch search;

    MessagePage(ArchiveSearch search) {
        this.search = search;
    }

    @Override
    public Response respond(Request request) {
        String id = request.text("id");
        if (id == null) return ErrorPage.badRequest("Which message? The link has no id.");
        Optional<ArchivedMessage> found = search.message(id);
        if (found.isEmpty()) return ErrorPage.notFound("No message " + id + " in the archive.");
        ArchivedMessage archived = found.get();
        MailMessage mail = parse(archived.messageId());
        String subject = Badges.subject(archived.subject());

        StringBuilder b = new StringBuilder("<h1>").append(Html.escape(subject)).append("</h1>\n");
        b.append("<p class=\"meta\"><a href=\"").append(Html.escape(Links.thread(archived.threadId())))
                .append("\" id=\"thread\">whole thread</a> · <a href=\"").append(Html.escape(Links.raw(archived.messageId())))
                .append("\" id=\"raw\">download raw message</a> · <a href=\"")
                .append(Html.escape(Links.rawInline(archived.messageId()))).append("\" id=\"raw-inline\">view source</a></p>\n");
        b.append("<dl class=\"headers\">\n");
        header(b, "From", mail != null && mail.from() != null ? mail.from().display() : archived.from());
        if (mail != null) {
            header(b, "To", addresses(mail.to()));
            header(b, "Cc", addresses(mail.cc()));
        }
        header(b, "Date", Dates.display(archived.date()));
        header(b, "Subject", archived.subject());
        header(b, "List", archived.list());
        header(b, "Message-ID", archived.messageId());
        b.append("</dl>\n");
        b.append(decision(archived));
        if (mail == null) {
            b.append("<p class=\"error\">The raw message could not be read; this is the text the archive indexed.</p>\n")
                    .append("<pre class=\"fulltext\">").append(Html.escape(archived.body())).append("</pre>\n");
        } else {
            b.append("<pre class=\"fulltext\">").append(Html.escape(mail.body())).append("</pre>\n");
        }
        return Response.html(200, Layout.page(subject, b.toString()));
    }

    /** The message as the archive received it, parsed again: the index keeps only the author's own words. */
    private MailMessage parse(String messageId) {
        Optional<byte[]> raw = search.raw(messageId);
        if (raw.isEmpty()) return null;
        try {
            return MailParser.parse(new RawMessage(messageId, raw.get()));
        } catch (MailParseException e) {
            return null;
        }
    }

    private static void header(StringBuilder b, String name, String value) {
        if (value == null || value.isBlank()) return;
        b.append("<dt>").append(name).append("</dt><dd>").append(Html.escape(value)).append("</dd>\n");
    }

    private static String addresses(List<Address> addresses) {
        return addresses.stream().map(Address::display).collect(Collectors.joining(", "));
    }

    private static String decision(ArchivedMessage m) {
        StringBuilder b = new StringBuilder("<section class=\"decision\" id=\"decision\">\n<h2>Triage</h2>\n<p>");
        if (!m.inquiry()) {
            b.append("Not an inquiry.");
        } else if (m.ideaTitle() == null) {
            b.append("An inquiry that names no listed idea.");
        } else {
            b.append("An inquiry about <strong>").append(Html.escape(m.ideaTitle())).append("</strong>");
            if (m.ideaId() != null) b.append(" <span class=\"id\">(").append(Html.escape(m.ideaId())).append(")</span>");
            b.append('.');
        }
        b.append("</p>\n");
        if (!m.mentors().isEmpty()) {
            b.append("<p>Mentors: ");
            for (int i = 0; i < m.mentors().size(); i++) {
                String mentor = m.mentors().get(i);
                if (i > 0) b.append(", ");
                b.append("<a href=\"").append(Html.escape(Links.unanswered(mentor, null))).append("\">")
                        .append(Html.escape(mentor)).append("</a>");
            }
            b.append("</p>\n");
        }
        return b.append("</section>\n").toString();
    }
}
