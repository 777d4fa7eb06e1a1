package org.mentorbot.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An AsciiDoc ideas page: "= Page title", "== Section", "=== Idea" headings (left-hand marks only, which tells it
 * from wiki text), "Mentor:: Jane" labels, "*bold*" and "url[text]" links. Rewritten as Markdown and read by
 * {@link MarkdownDrafts}.
 */
final class AsciiDocFormat implements CatalogFormat {

    private static final Pattern HEADING = Pattern.compile("^(={1,6})\\s+(\\S.*?)(?:\\s+=+)?\\s*$");
    private static final Pattern OPEN_HEADING = Pattern.compile("(?m)^={1,6}[ \\t]+\\S(?:.*[^=\\s])?[ \\t]*$");
    private static final Pattern DELIMITER = Pattern.compile("^(-{4,}|\\.{4,}|`{3,}|\\+{4,}|/{4,})\\s*$");
    private static final Pattern BLOCK_MARKS = Pattern.compile("^(?:\\[[^\\]]*\\]|={4,}|\\*{4,}|_{4,}|\\|===|toc::\\[\\])\\s*$");
    private static final Pattern ATTRIBUTE = Pattern.compile("^:([\\w][\\w -]*):\\s*(.*)$");
    private static final Pattern LABEL = Pattern.compile("^(\\s*)([^:\\s][^:]{0,40}?)::(?:\\s+(.*))?$");
    private static final Pattern LIST = Pattern.compile("^(\\*{1,5}|\\.{1,5}|-)\\s+(.*)$");
    private static final Pattern MAILTO = Pattern.compile("mailto:([^\\s\\[]+)\\[([^\\]]*)\\]");
    private static final Pattern LINK = Pattern.compile("(?:link:|xref:|https?://)([^\\s\\[]*)\\[([^\\]]*)\\]");
    private static final Pattern CROSS_REFERENCE = Pattern.compile("<<[^,>]*,\\s*([^>]+)>>|<<([^>]+)>>");
    private static final Pattern BOLD = Pattern.compile("(?<![*\\w])\\*(?!\\s)([^*\\n]+?)(?<!\\s)\\*(?![*\\w])");

    @Override
    public String name() {
        return "asciidoc";
    }

    @Override
    public boolean recognises(String text) {
        return CatalogText.occurrences(OPEN_HEADING, text, 2) >= 2;
    }

    @Override
    public List<Catalog> parse(String catalogName, String text, IdeaAssembler assembler) {
        String markdown = toMarkdown(text);
        return List.of(assembler.assemble(catalogName, Slugs.catalogSlug(catalogName), name(), markdown,
                MarkdownDrafts.read(markdown)));
    }

    static String toMarkdown(String asciidoc) {
        List<String> out = new ArrayList<>();
        String openDelimiter = null;
        for (String line : asciidoc.replaceAll("(?ms)^////\\s*$.*?^////\\s*$", "").split("\n", -1)) {
            Matcher delimiter = DELIMITER.matcher(line);
            if (openDelimiter != null) {
                if (line.strip().equals(openDelimiter)) {
                    out.add("```");
                    openDelimiter = null;
                } else {
                    out.add(line);
                }
                continue;
            }
            if (delimiter.matches()) {
                openDelimiter = delimiter.group(1);
                out.add("```");
                continue;
            }
            if (line.startsWith("//") || BLOCK_MARKS.matcher(line).matches()) continue;
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                out.add("#".repeat(heading.group(1).length()) + " " + inline(heading.group(2)));
                continue;
            }
            Matcher attribute = ATTRIBUTE.matcher(line);
            if (attribute.matches()) {
                // Document attributes are settings, except the ones naming the page's people.
                String metadata = "- " + attribute.group(1) + ": " + inline(attribute.group(2));
                if (MetadataLine.isMetadata(metadata)) out.add(metadata);
                continue;
            }
            Matcher label = LABEL.matcher(line);
            if (label.matches() && !line.contains("://")) {
                out.add(label.group(1) + "- " + inline(label.group(2)) + ": "
                        + (label.group(3) == null ? "" : inline(label.group(3))));
                continue;
            }
            Matcher list = LIST.matcher(line);
            if (list.matches()) {
                String marks = list.group(1);
                String indent = "  ".repeat(marks.equals("-") ? 0 : marks.length() - 1);
                String bullet = marks.startsWith(".") ? "1. " : "- ";
                out.add(indent + bullet + inline(list.group(2)));
                continue;
            }
            out.add(inline(line));
        }
        return String.join("\n", out);
    }

    private static String inline(String text) {
        String line = MAILTO.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                m.group(2).isBlank() ? m.group(1) : m.group(2) + " <" + m.group(1) + ">"));
        line = LINK.matcher(line).replaceAll(m -> Matcher.quoteReplacement(m.group(2).isBlank() ? m.group().replaceFirst("\\[\\]$", "") : m.group(2)));
        line = CROSS_REFERENCE.matcher(line).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) != null ? m.group(1) : m.group(2)));
        line = line.replaceAll("\\s\\+$", "");
        return BOLD.matcher(line).replaceAll(m -> Matcher.quoteReplacement("**" + m.group(1) + "**"));
    }
}
