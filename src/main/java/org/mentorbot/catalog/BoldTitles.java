package org.mentorbot.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown pages that set each idea's title as a bold line ("**Faster startup**" or "1. **Faster startup**")
 * rather than a heading. Rewriting those lines as headings one level below their section lets the heading rules
 * of {@link MarkdownIdeas} decide which of them are ideas.
 */
final class BoldTitles {

    private static final Pattern BOLD_LINE = Pattern.compile(
            "^ {0,3}(?:\\d{1,3}[.)]\\s+|[-*+]\\s+)?(?:\\*\\*|__)(?!\\s)([^*_\\n]{2,150}?)(?<!\\s)(?:\\*\\*|__)\\s*:?\\s*$");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+\\S.*$");
    private static final Pattern META_INFORMATION = Pattern.compile("(?i)^meta[ -]?information:?$");
    private static final int MAX_ANNOUNCEMENT = 80;

    private BoldTitles() {}

    static int count(String markdown) {
        List<String> lines = List.of(markdown.split("\n", -1));
        boolean[] code = MarkdownIdeas.codeLines(lines);
        int count = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (!code[i] && title(lines.get(i)) != null) count++;
        }
        return count;
    }

    /**
     * The page with bold title lines turned into headings. On a page without headings, a short line announcing
     * the ideas ("Project ideas for 2024") becomes the section heading they sit under.
     */
    static String asHeadings(String markdown) {
        List<String> lines = new ArrayList<>(List.of(markdown.split("\n", -1)));
        boolean[] code = MarkdownIdeas.codeLines(lines);
        int sectionLevel = 0;
        int announcement = -1;
        boolean seenTitle = false;
        for (int i = 0; i < lines.size(); i++) {
            if (code[i]) continue;
            String line = lines.get(i);
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                sectionLevel = heading.group(1).length();
                continue;
            }
            String title = title(line);
            if (title != null) {
                if (!seenTitle && sectionLevel == 0 && announcement >= 0) {
                    lines.set(announcement, "# " + lines.get(announcement).strip());
                    sectionLevel = 1;
                }
                seenTitle = true;
                lines.set(i, "#".repeat(Math.min(Math.max(sectionLevel + 1, 2), 6)) + " " + title);
            } else if (!seenTitle && sectionLevel == 0 && isAnnouncement(lines, i)) {
                announcement = i;
            }
        }
        return String.join("\n", lines);
    }

    /** The title of a bold title line, or null; bold metadata labels and note labels are not titles. */
    private static String title(String line) {
        Matcher m = BOLD_LINE.matcher(line);
        if (!m.matches()) return null;
        // "**1. Title**": the number orders the list, it is not part of the title.
        String title = m.group(1).strip().replaceAll(":$", "").replaceFirst("^\\d{1,3}[.)]\\s+", "").strip();
        if (MetadataLine.isMetadata(line) || MetadataLine.isMetadata(title + ":")
                || META_INFORMATION.matcher(title).matches() || MarkdownIdeas.isNote(title)) {
            return null;
        }
        return MarkdownIdeas.cleanTitle(title);
    }

    private static boolean isAnnouncement(List<String> lines, int i) {
        String line = lines.get(i).strip();
        boolean standalone = (i == 0 || lines.get(i - 1).isBlank()) && (i + 1 >= lines.size() || lines.get(i + 1).isBlank());
        return standalone && line.length() <= MAX_ANNOUNCEMENT && !line.endsWith(".")
                && MarkdownIdeas.announcesIdeas(line.replaceAll(":$", ""));
    }
}
