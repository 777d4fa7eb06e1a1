package org.mentorbot.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edits of a query's text for links: adding a facet's clause and choosing the order. The language only
 * allows {@code sort:} as the query's last word, so both keep it there.
 */
final class QueryText {

    private static final Pattern TRAILING_SORT = Pattern.compile("(?:^|\\s)sort:(\\S*)\\s*$");

    private QueryText() {
    }

    /** The query with a trailing sort: removed. */
    static String withoutSort(String query) {
        Matcher m = TRAILING_SORT.matcher(query);
        return m.find() ? query.substring(0, m.start()).strip() : query.strip();
    }

    /** The sort: value the query ends with, or null. */
    static String sortOf(String query) {
        Matcher m = TRAILING_SORT.matcher(query);
        return m.find() ? m.group(1) : null;
    }

    /** The query as the page runs it: the chosen order is added unless the query names one itself. */
    static String withOrder(String query, Links.Sort sort) {
        if (sortOf(query) != null || sort != Links.Sort.NEWEST) return query.strip();
        return query.strip() + " sort:-date";
    }

    /** The query ordered newest first, whatever order it asked for (feeds are read that way). */
    static String newestFirst(String query) {
        return withoutSort(query) + " sort:-date";
    }

    /** The query narrowed by {@code prefix:"value"}, before any sort:. */
    static String refine(String query, String prefix, String value) {
        String sort = sortOf(query);
        String refined = withoutSort(query) + " " + clause(prefix, value);
        return sort == null ? refined.strip() : refined.strip() + " sort:" + sort;
    }

    /** A clause of one value; the language's phrases cannot hold a '"', so it is dropped. */
    static String clause(String prefix, String value) {
        return prefix + ":\"" + value.replace("\"", " ").strip() + "\"";
    }
}
