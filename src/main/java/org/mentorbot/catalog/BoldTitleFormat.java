package org.mentorbot.catalog;

import java.util.List;

/**
 * Markdown pages whose ideas are "**Title**" lines followed by a description and metadata, instead of headings.
 * Recognised only when reading the bold lines as headings finds more ideas than the page's real headings do, so
 * pages that merely bold a word on a line of its own stay with {@link MarkdownFormat}.
 */
final class BoldTitleFormat implements CatalogFormat {

    @Override
    public String name() {
        return "markdown-bold-titles";
    }

    @Override
    public boolean recognises(String text) {
        List<IdeaDraft> boldTitled = MarkdownDrafts.boldTitled(text);
        return !boldTitled.isEmpty() && boldTitled.size() > MarkdownIdeas.parse(text).size();
    }

    @Override
    public List<Catalog> parse(String catalogName, String text, IdeaAssembler assembler) {
        return List.of(assembler.assemble(catalogName, Slugs.catalogSlug(catalogName), name(), text,
                MarkdownDrafts.boldTitled(text)));
    }
}
