package org.mentorbot.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of an ikiwiki ideas page (as gitweb shows a commit). Both versions are real catalogs: students
 * write about ideas that have since been removed, so the old side is kept, after the new one.
 */
final class IkiwikiDiffFormat implements CatalogFormat {

    @Override
    public String name() {
        return "ikiwiki-diff";
    }

    @Override
    public boolean recognises(String text) {
        if (!DiffSides.isDiff(text)) return false;
        DiffSides sides = DiffSides.of(text);
        return new MarkdownFormat().recognises(sides.newText()) || new MarkdownFormat().recognises(sides.oldText());
    }

    @Override
    public List<Catalog> parse(String catalogName, String text, IdeaAssembler assembler) {
        DiffSides sides = DiffSides.of(text);
        String slug = Slugs.catalogSlug(catalogName);
        List<Catalog> catalogs = new ArrayList<>();
        catalogs.add(assembler.assemble(catalogName, slug, name(), sides.newText(), MarkdownIdeas.parse(sides.newText())));
        catalogs.add(assembler.assemble(catalogName, slug + "-old", name(), sides.oldText(),
                MarkdownIdeas.parse(sides.oldText())));
        return catalogs;
    }
}
