package org.mentorbot.catalog;

import java.util.List;

/**
 * One layout of ideas page. Formats are tried in a fixed order by {@link CatalogReader}, so {@link #recognises}
 * only has to tell its format apart from the formats tried after it.
 */
interface CatalogFormat {

    /** The value stored in {@link Catalog#format()}. */
    String name();

    boolean recognises(String text);

    /** The catalogs in the text; may be empty (the reader reports "no ideas found"). */
    List<Catalog> parse(String catalogName, String text, IdeaAssembler assembler);
}
