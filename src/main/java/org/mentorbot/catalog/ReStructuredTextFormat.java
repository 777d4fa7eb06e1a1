package org.mentorbot.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reStructuredText ideas page (Sphinx docs, Python-world projects): titles underlined (or over- and
 * underlined) with a run of one punctuation character. reST gives the styles no fixed meaning; the first style
 * seen is the top level, the next new one the level below, and so on. The page is rewritten as Markdown and read
 * by {@link MarkdownDrafts}.
 */
final class ReStructuredTextFormat implements CatalogFormat {

    private static final Pattern ADORNMENT = Pattern.compile("^([=\\-~^\"'`*+#_:.])\\1{2,}\\s*$");
    private static final Pattern ATX_HEADING = Pattern.compile("(?m)^ {0,3}#{1,6}[ \\t]+\\S|^={1,6}[ \\t]+\\S");
    private static final Pattern FIELD = Pattern.compile("^(\\s*):([^:`][^:]*):\\s*(.*)$");
    private static final Pattern DIRECTIVE = Pattern.compile("^\\s*\\.\\.\\s+(?:[\\w-]+::.*|_[^:]*:.*|\\|.*|\\[.*|.*)$");
    private static final Pattern ENUMERATED = Pattern.compile("^(\\s*)#\\.\\s+");
    private static final Pattern MAILTO_REFERENCE = Pattern.compile("`([^`<]*?)\\s*<mailto:([^>]+)>`__?");
    private static final Pattern REFERENCE = Pattern.compile("`([^`<]*?)\\s*<[^>]+>`__?");
    private static final Pattern NAMED_REFERENCE = Pattern.compile("`([^`]+)`__?");
    private static final Pattern ROLE = Pattern.compile(":[\\w-]+:`([^`]*)`");
    private static final Pattern LITERAL = Pattern.compile("``([^`]+)``");

    @Override
    public String name() {
        return "restructuredtext";
    }

    @Override
    public boolean recognises(String text) {
        if (ATX_HEADING.matcher(text).find()) return false;
        String[] lines = text.split("\n", -1);
        int titles = 0;
        for (int i = 1; i < lines.length && titles < 2; i++) {
            if (isUnderline(lines, i)) titles++;
        }
        return titles >= 2;
    }

    @Override
    public List<Catalog> parse(String catalogName, String text, IdeaAssembler assembler) {
        String markdown = toMarkdown(text);
        return List.of(assembler.assemble(catalogName, Slugs.catalogSlug(catalogName), name(), markdown,
                MarkdownDrafts.read(markdown)));
    }

    /** A title's underline: at least as long as the title (give or take a typo), under an unindented text line. */
    private static boolean isUnderline(String[] lines, int i) {
        String title = lines[i - 1];
        return ADORNMENT.matcher(lines[i]).matches() && !title.isBlank() && !title.startsWith(" ")
                && !ADORNMENT.matcher(title).matches() && lines[i].strip().length() >= title.strip().length() - 2;
    }

    static String toMarkdown(String rst) {
        String[] lines = rst.split("\n", -1);
        Map<String, Integer> levels = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean overlined = ADORNMENT.matcher(line).matches() && i + 2 < lines.length
                    && !lines[i + 1].isBlank() && lines[i + 2].strip().equals(line.strip());
            if (overlined) {
                out.add(heading(levels, "over" + line.charAt(0), lines[i + 1].strip()));
                i += 2;
                continue;
            }
            if (i + 1 < lines.length && isUnderline(lines, i + 1)) {
                out.add(heading(levels, "under" + lines[i + 1].charAt(0), line.strip()));
                i++;
                continue;
            }
            Matcher field = FIELD.matcher(line);
            if (field.matches()) {
                out.add(field.group(1) + "- " + field.group(2).strip() + ": " + inline(field.group(3)));
                continue;
            }
            if (DIRECTIVE.matcher(line).matches()) {
                // A directive's options (":local:", ":maxdepth: 2") configure it; they are not the page's fields.
                while (i + 1 < lines.length && lines[i + 1].matches("^\\s+:[\\w-]+:.*$")) i++;
                continue;
            }
            out.add(inline(ENUMERATED.matcher(line).replaceFirst("$11. ")));
        }
        return String.join("\n", out);
    }

    private static String heading(Map<String, Integer> levels, String style, String title) {
        int level = levels.computeIfAbsent(style, s -> Math.min(levels.size() + 1, 6));
        return "#".repeat(level) + " " + inline(title);
    }

    private static String inline(String text) {
        String line = MAILTO_REFERENCE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " <" + m.group(2) + ">"));
        line = REFERENCE.matcher(line).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        line = ROLE.matcher(line).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        line = LITERAL.matcher(line).replaceAll(m -> Matcher.quoteReplacement("`" + m.group(1) + "`"));
        return NAMED_REFERENCE.matcher(line).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    }
}
