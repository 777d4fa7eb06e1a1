package org.mentorbot.catalog;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The source of DragonFly's ideas page: ikiwiki Markdown where each "##### Title" idea ends with a
 * "Meta information:" list (Prerequisites, Difficulty, Contact point). The outline rules are Markdown's; the
 * format is told apart so callers know the page carries reliable contacts.
 */
final class IkiwikiFormat implements CatalogFormat {

    private static final Pattern DIRECTIVE = Pattern.compile("\\[\\[!\\w+");
    private static final Pattern META = Pattern.compile("(?mi)^\\s*meta information:\\s*$");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+\\S");

    @Override
    public String name() {
        return "ikiwiki";
    }

    @Override
    public boolean recognises(String text) {
        return HEADING.matcher(text).find() && (DIRECTIVE.matcher(text).find() || META.matcher(text).find());
    }

    @Override
    public List<Catalog> parse(String catalogName, String text, IdeaAssembler assembler) {
        return List.of(assembler.assemble(catalogName, Slugs.catalogSlug(catalogName), name(), text,
                MarkdownIdeas.parse(text)));
    }
}
