package org.mentorbot.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An ideas page saved as rendered text (DragonFly's page lost its lists that way): each idea is a title line,
 * description paragraphs and a "Meta information:" line. Rendering leaves two blank lines between ideas and one
 * between paragraphs, which is what tells a title from the intro's notes.
 */
final class PlainTextFormat implements CatalogFormat {

    private static final Pattern META = Pattern.compile("(?mi)^\\s*meta information:\\s*$");
    private static final Pattern BETWEEN_IDEAS = Pattern.compile("\\n[ \\t]*\\n[ \\t]*\\n\\s*");
    private static final Pattern BETWEEN_PARAGRAPHS = Pattern.compile("\\n[ \\t]*\\n\\s*");
    private static final int MAX_TITLE = 150;

    @Override
    public String name() {
        return "plain-text";
    }

    @Override
    public boolean recognises(String text) {
        return META.matcher(text).find();
    }

    @Override
    public List<Catalog> parse(String catalogName, String text, IdeaAssembler assembler) {
        String[] blocks = BETWEEN_IDEAS.split(text.strip());
        List<IdeaDraft> drafts = blocks.length > 1 ? fromBlocks(blocks) : fromMetaSegments(text);
        return List.of(assembler.assemble(catalogName, Slugs.catalogSlug(catalogName), name(), text, drafts));
    }

    private static List<IdeaDraft> fromBlocks(String[] blocks) {
        List<IdeaDraft> drafts = new ArrayList<>();
        for (int b = 0; b < blocks.length; b++) {
            List<String> paragraphs = paragraphs(blocks[b]);
            boolean hasMeta = META.matcher(blocks[b]).find();
            // The first block is the page's intro unless it already ends like an idea.
            if (paragraphs.isEmpty() || (b == 0 && !hasMeta)) continue;
            if (!isTitle(paragraphs.get(0)) || (paragraphs.size() == 1 && !hasMeta)) continue;
            drafts.add(draft(paragraphs.get(0), paragraphs.subList(1, paragraphs.size())));
        }
        return drafts;
    }

    /** For text that lost the double blank lines: each "Meta information:" line closes an idea. */
    private static List<IdeaDraft> fromMetaSegments(String text) {
        List<IdeaDraft> drafts = new ArrayList<>();
        String[] segments = META.split(text);
        for (int s = 0; s < segments.length; s++) {
            List<String> paragraphs = paragraphs(segments[s]);
            boolean last = s == segments.length - 1;
            int titleAt = 0;
            if (s == 0) {
                titleAt = -1;
                for (int p = paragraphs.size() - 1; p >= 0; p--) {
                    if (isTitle(paragraphs.get(p)) && !paragraphs.get(p).endsWith(".")) {
                        titleAt = p;
                        break;
                    }
                }
            }
            if (titleAt < 0 || titleAt >= paragraphs.size() || !isTitle(paragraphs.get(titleAt))) continue;
            if (last && paragraphs.size() - titleAt < 2) continue;
            drafts.add(draft(paragraphs.get(titleAt), paragraphs.subList(titleAt + 1, paragraphs.size())));
        }
        return drafts;
    }

    private static IdeaDraft draft(String title, List<String> paragraphs) {
        List<String> description = new ArrayList<>();
        List<String> contacts = new ArrayList<>();
        List<String> prerequisites = new ArrayList<>();
        List<String> difficulty = new ArrayList<>();
        for (String paragraph : paragraphs) {
            List<String> kept = new ArrayList<>();
            for (String line : paragraph.split("\n")) {
                Optional<MetadataLine> metadata = MetadataLine.parse(line);
                if (META.matcher(line).matches()) continue;
                if (metadata.isEmpty()) {
                    kept.add(line);
                    continue;
                }
                switch (metadata.get().kind()) {
                    case CONTACT -> contacts.add(metadata.get().value());
                    case PREREQUISITES -> prerequisites.add(metadata.get().value());
                    case DIFFICULTY -> difficulty.add(metadata.get().value());
                }
            }
            if (!kept.isEmpty()) description.add(String.join("\n", kept));
        }
        return new IdeaDraft(title.strip(), String.join("\n\n", description), String.join("; ", prerequisites),
                String.join("; ", difficulty), String.join(", ", contacts), Idea.Status.OPEN);
    }

    private static List<String> paragraphs(String block) {
        return Arrays.stream(BETWEEN_PARAGRAPHS.split(block.strip())).map(String::strip).filter(p -> !p.isEmpty())
                .toList();
    }

    private static boolean isTitle(String paragraph) {
        return !paragraph.contains("\n") && paragraph.length() <= MAX_TITLE && !paragraph.endsWith(":")
                && !META.matcher(paragraph).matches();
    }
}
