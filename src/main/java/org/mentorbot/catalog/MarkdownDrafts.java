package org.mentorbot.catalog;

import java.util.List;

/**
 * The ideas of Markdown text by whichever layout the page uses: idea headings, bold title lines, or a bare list
 * or table of titles. Formats that convert their markup to Markdown (wiki, reST, AsciiDoc) read it through here,
 * so every markup gets the same three layouts.
 */
final class MarkdownDrafts {

    private MarkdownDrafts() {}

    static List<IdeaDraft> read(String markdown) {
        List<IdeaDraft> ideas = MarkdownIdeas.parse(markdown);
        List<IdeaDraft> boldTitled = boldTitled(markdown);
        if (boldTitled.size() > ideas.size()) ideas = boldTitled;
        if (TitleListIdeas.applies(ideas)) {
            List<IdeaDraft> listed = TitleListIdeas.parse(markdown);
            if (!listed.isEmpty()) return listed;
        }
        return ideas;
    }

    /** The ideas when bold title lines are read as headings; empty when the page has fewer than two. */
    static List<IdeaDraft> boldTitled(String markdown) {
        if (BoldTitles.count(markdown) < 2) return List.of();
        return MarkdownIdeas.parse(BoldTitles.asHeadings(markdown));
    }
}
