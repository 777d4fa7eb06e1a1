package org.mentorbot.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A page of loose project ideas as rendered text: section headings ("Kernel projects"), then idea titles each
 * followed by "- " bullets that describe it. A line followed by bullets is an idea; a line followed by another
 * plain line is a heading or part of the page header.
 */
final class ResearchPageFormat implements CatalogFormat {

    private static final Pattern BULLET = Pattern.compile("^\\s*[-*•]\\s+\\S.*");
    private static final Pattern MARKDOWN_HEADING = Pattern.compile("(?m)^ {0,3}#{1,6}\\s+\\S");
    private static final int MAX_TITLE = 200;

    @Override
    public String name() {
        return "research-page";
    }

    @Override
    public boolean recognises(String text) {
        if (MARKDOWN_HEADING.matcher(text).find()) return false;
        List<String> lines = nonBlankLines(text);
        int bullets = 0;
        int titled = 0;
        for (int i = 0; i < lines.size(); i++) {
            boolean bullet = BULLET.matcher(lines.get(i)).matches();
            if (bullet) bullets++;
            if (bullet && i > 0 && !BULLET.matcher(lines.get(i - 1)).matches()) titled++;
        }
        return titled >= 2 && bullets * 3 >= lines.size();
    }

    @Override
    public List<Catalog> parse(String catalogName, String text, IdeaAssembler assembler) {
        List<String> lines = nonBlankLines(text);
        List<IdeaDraft> drafts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (BULLET.matcher(line).matches()) continue;
            boolean followedByBullet = i + 1 < lines.size() && BULLET.matcher(lines.get(i + 1)).matches();
            if (!followedByBullet || line.length() > MAX_TITLE) continue;
            int end = i + 1;
            while (end < lines.size() && BULLET.matcher(lines.get(end)).matches()) end++;
            drafts.add(draft(line, lines.subList(i + 1, end)));
            i = end - 1;
        }
        return List.of(assembler.assemble(catalogName, Slugs.catalogSlug(catalogName), name(), text, drafts));
    }

    private static IdeaDraft draft(String title, List<String> bullets) {
        List<String> description = new ArrayList<>();
        List<String> contacts = new ArrayList<>();
        List<String> prerequisites = new ArrayList<>();
        List<String> difficulty = new ArrayList<>();
        for (String bullet : bullets) {
            Optional<MetadataLine> metadata = MetadataLine.parse(bullet);
            if (metadata.isEmpty()) {
                description.add(bullet.strip());
                continue;
            }
            switch (metadata.get().kind()) {
                case CONTACT -> contacts.add(metadata.get().value());
                case PREREQUISITES -> prerequisites.add(metadata.get().value());
                case DIFFICULTY -> difficulty.add(metadata.get().value());
            }
        }
        return new IdeaDraft(title, String.join("\n", description), String.join("; ", prerequisites),
                String.join("; ", difficulty), String.join(", ", contacts), Idea.Status.OPEN);
    }

    private static List<String> nonBlankLines(String text) {
        return text.lines().filter(line -> !line.isBlank()).toList();
    }
}
