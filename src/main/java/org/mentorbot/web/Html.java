package org.mentorbot.web;

import org.mentorbot.archive.ArchiveSearch;

/**
 * Escaping for HTML text and attribute values. Mail is written by strangers: every string that came from a
 * message goes through here before it reaches a page.
 */
final class Html {

    private Html() {
    }

    /** Text or a double- or single-quoted attribute value; null becomes empty. */
    static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        appendEscaped(b, s);
        return b.toString();
    }

    /**
     * A search snippet: escaped first, then the archive's match marks (control characters, never HTML)
     * become {@code <mark>} elements; an unbalanced mark is closed so that it cannot swallow the page.
     */
    static String snippet(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 32);
        boolean open = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean markStart = c == ArchiveSearch.MATCH_START.charAt(0);
            boolean markEnd = c == ArchiveSearch.MATCH_END.charAt(0);
            if (!markStart && !markEnd) continue;
            appendEscaped(b, s.substring(start, i));
            start = i + 1;
            if (markStart && !open) {
                b.append("<mark>");
                open = true;
            } else if (markEnd && open) {
                b.append("</mark>");
                open = false;
            }
        }
        appendEscaped(b, s.substring(start));
        if (open) b.append("</mark>");
        return b.toString();
    }

    private static void appendEscaped(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    // Control characters are parse errors in HTML and invisible anyway; match marks included.
                    if (c == '\n' || c == '\t' || c == '\r' || !Character.isISOControl(c)) b.append(c);
                }
            }
        }
    }
}
