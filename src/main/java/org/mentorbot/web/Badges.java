package org.mentorbot.web;

/** The triage badges shown beside a message: inquiry, and the idea it was routed to. */
final class Badges {

    private Badges() {
    }

    static String of(boolean inquiry, String ideaTitle) {
        StringBuilder b = new StringBuilder();
        if (inquiry) b.append(" <span class=\"badge inquiry\">inquiry</span>");
        if (ideaTitle != null && !ideaTitle.isBlank()) {
            b.append(" <span class=\"badge idea\">idea: ").append(Html.escape(ideaTitle)).append("</span>");
        }
        return b.toString();
    }

    /** A subject for a heading or link; mail without one still needs something to click. */
    static String subject(String subject) {
        return subject == null || subject.isBlank() ? "(no subject)" : subject;
    }
}
