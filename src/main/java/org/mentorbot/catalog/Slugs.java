package org.mentorbot.catalog;

import java.text.Normalizer;
import java.util.Locale;

/** Ids must survive re-reading the same page, so they are derived from names only, never from positions. */
final class Slugs {

    static final int MAX_TITLE_SLUG = 60;

    private Slugs() {}

    static String slug(String text, int maxLength) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > maxLength) {
            slug = slug.substring(0, maxLength);
            int lastDash = slug.lastIndexOf('-');
            // Cut at a word boundary when that does not throw away most of the slug.
            if (lastDash > maxLength / 2) slug = slug.substring(0, lastDash);
            slug = slug.replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "idea" : slug;
    }

    /** "SoC-2016-Ideas.md" becomes "soc-2016-ideas": the extension says nothing about the page. */
    static String catalogSlug(String catalogName) {
        String base = catalogName;
        int slash = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
        if (slash >= 0) base = base.substring(slash + 1);
        base = base.replaceFirst("\\.(md|mdwn|markdown|txt|text|html?|xhtml)$", "");
        return slug(base, 120);
    }
}
