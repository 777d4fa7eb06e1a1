package org.mentorbot.catalog;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A page that is hardly more than a list of idea titles, or a table with one idea per row (see
 * {@link TitleListIdeas}). Tried before {@link MarkdownFormat} because a "# Project ideas" heading over the list
 * would otherwise be read as the page's only idea.
 */
final class TitleListFormat implements CatalogFormat {

    private static final Pattern LIST_OR_TABLE = Pattern.compile("(?m)^(?: {0,3}(?:[-*+•]|\\d{1,3}[.)])\\s+\\S|\\s*\\|.*\\|\\s*$)");

    @Override
    public String name() {
        return "title-list";
    }

    @Override
    public boolean recognises(String text) {
        return LIST_OR_TABLE.matcher(text).find() && TitleListIdeas.applies(MarkdownIdeas.parse(text));
    }

    @Override
    public List<Catalog> parse(String catalogName, String text, IdeaAssembler assembler) {
        return List.of(assembler.assemble(catalogName, Slugs.catalogSlug(catalogName), name(), text,
                TitleListIdeas.parse(text)));
    }
}
