package org.mentorbot.catalog;

import java.util.List;
import java.util.regex.Pattern;

/** Any Markdown ideas page with "#" headings (Git's SoC-20xx-Ideas.md, Outreachy pages...). */
final class MarkdownFormat implements CatalogFormat {

    private static final Pattern HEADING = Pattern.compile("(?m)^ {0,3}#{1,6}\\s+\\S");

    @Override
    public String name() {
        return "markdown";
    }

    @Override
    public boolean recognises(String text) {
        return HEADING.matcher(text).find();
    }

    @Override
    public List<Catalog> parse(String catalogName, String text, IdeaAssembler assembler) {
        List<IdeaDraft> drafts = MarkdownIdeas.parse(text);
        return List.of(assembler.assemble(catalogName, Slugs.catalogSlug(catalogName), name(), text, drafts));
    }
}
