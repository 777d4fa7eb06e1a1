package org.mentorbot.catalog;

/**
 * An idea as a format parser sees it, before ids, seasons and contacts are worked out (those need the whole page
 * and the mentor directory, which are the same for every format).
 *
 * @param contactText the raw value(s) of the page's contact/mentor lines, or empty when the page gives none
 */
record IdeaDraft(
        String title,
        String description,
        String prerequisites,
        String difficulty,
        String contactText,
        Idea.Status status) {

    static IdeaDraft of(String title, String description, Idea.Status status) {
        return new IdeaDraft(title, description, "", "", "", status);
    }
}
