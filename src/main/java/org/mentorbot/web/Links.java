package org.mentorbot.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The page's URLs, in one place. Message and thread ids travel as percent-encoded query parameters, never
 * as path segments: they contain '/', '+', '&lt;', '@' and whatever else a mail client put there.
 */
final class Links {

    static final String SEARCH = "/";
    static final String THREAD = "/thread";
    static final String THREAD_MBOX = "/thread.mbox";
    static final String MESSAGE = "/message";
    static final String RAW = "/raw";
    static final String ATOM = "/atom";
    static final String UNANSWERED = "/unanswered";
    static final String STYLE = "/style.css";

    private Links() {
    }

    static String search(String query, Sort sort, int page) {
        StringBuilder url = new StringBuilder(SEARCH).append("?q=").append(encode(query));
        if (sort == Sort.NEWEST) url.append("&sort=newest");
        if (page > 1) url.append("&page=").append(page);
        return url.toString();
    }

    static String thread(String threadId) {
        return THREAD + "?id=" + encode(threadId);
    }

    static String threadMbox(String threadId) {
        return THREAD_MBOX + "?id=" + encode(threadId);
    }

    static String message(String messageId) {
        return MESSAGE + "?id=" + encode(messageId);
    }

    /** The raw message as a download. */
    static String raw(String messageId) {
        return RAW + "?id=" + encode(messageId);
    }

    /** The raw message shown in the browser as plain text. */
    static String rawInline(String messageId) {
        return raw(messageId) + "&inline";
    }

    static String atom(String query) {
        return ATOM + "?q=" + encode(query);
    }

    static String unanswered(String mentor, String ideaId) {
        StringBuilder url = new StringBuilder(UNANSWERED);
        char sep = '?';
        if (mentor != null) {
            url.append(sep).append("mentor=").append(encode(mentor));
            sep = '&';
        }
        if (ideaId != null) url.append(sep).append("idea=").append(encode(ideaId));
        return url.toString();
    }

    /** A Message-ID from a URL, with its angle brackets whether or not the link had them. */
    static String bracketed(String id) {
        return id.startsWith("<") ? id : "<" + id + ">";
    }

    /** Percent-encoding of a query parameter value (a space as %20, which every decoder reads). */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The order of search results the page offers; the query language's sort: wins when present. */
    enum Sort { RELEVANCE, NEWEST }
}
