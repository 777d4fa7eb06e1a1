package org.mentorbot.web;

/** The frame every HTML page shares: head, navigation, stylesheet. No scripts, ever. */
final class Layout {

    private Layout() {
    }

    /**
     * @param title     plain text (escaped here)
     * @param extraHead HTML for the head, already escaped (e.g. the feed link); may be empty
     * @param body      HTML, already escaped
     */
    static String page(String title, String extraHead, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + Html.escape(title) + " · mentorbot</title>\n"
                + "<link rel=\"stylesheet\" href=\"" + Links.STYLE + "\">\n"
                + extraHead
                + "</head>\n<body>\n<header><nav><a class=\"brand\" href=\"" + Links.SEARCH + "\">mentorbot</a> "
                + "<a href=\"" + Links.SEARCH + "\">Search</a> "
                + "<a href=\"" + Links.UNANSWERED + "\">Unanswered inquiries</a></nav></header>\n"
                + "<main>\n" + body + "</main>\n</body>\n</html>\n";
    }

    static String page(String title, String body) {
        return page(title, "", body);
    }
}
