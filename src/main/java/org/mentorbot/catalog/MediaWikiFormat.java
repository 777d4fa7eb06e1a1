package org.mentorbot.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A MediaWiki (or MoinMoin-like) ideas page as its source: "== Section ==" headings, '''bold''' metadata labels,
 * [[links]] and {| tables |}. The markup is rewritten as Markdown and read by {@link MarkdownDrafts}, so ideas are
 * found by the same rules as on Markdown pages.
 */
final class MediaWikiFormat implements CatalogFormat {

    private static final Pattern HEADING = Pattern.compile("^(={1,6})[ \\t]*([^=].*?)[ \\t]*\\1[ \\t]*$");
    private static final Pattern ANY_HEADING = Pattern.compile("(?m)^(={1,6})[ \\t]*[^=\\s].*?[ \\t]*\\1[ \\t]*$");
    private static final Pattern WIKI_MARKUP = Pattern.compile("'''|\\[\\[[^\\]]+\\]\\]|\\{\\{[^}]+\\}\\}|(?m)^\\{\\|");
    private static final Pattern LIST = Pattern.compile("^([*#:;]+)\\s*(.*)$");
    private static final Pattern CODE_OPEN = Pattern.compile("(?i)^\\s*<(pre|source|syntaxhighlight)(?:\\s[^>]*)?>(.*)$");
    private static final Pattern CELL_ATTRIBUTES = Pattern.compile("^[^|\\[\\]]*=\\s*\"[^\"]*\"[^|\\[\\]]*\\|(?!\\|)(.*)$");
    private static final Pattern FILE_LINK = Pattern.compile("(?i)\\[\\[(?:file|image|category|media):[^\\]]*\\]\\]");
    private static final Pattern WIKI_LINK = Pattern.compile("\\[\\[:?([^\\]|]*)(?:\\|([^\\]]*))?\\]\\]");
    private static final Pattern MAILTO_LINK = Pattern.compile("(?i)\\[mailto:(\\S+?)(?:\\s+([^\\]]+))?\\]");
    private static final Pattern EXTERNAL_LINK = Pattern.compile("\\[((?:https?|ftp)://|//)(\\S+?)(?:\\s+([^\\]]+))?\\]");
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{[^{}]*\\}\\}");
    private static final Pattern INLINE_CODE = Pattern.compile("(?i)<(code|tt|kbd)>(.*?)</\\1>");
    private static final Pattern DROPPED_TAGS = Pattern.compile(
            "(?i)</?(?:span|div|small|big|u|center|font|sup|sub|nowiki|b|i|strong|em|p|blockquote|references)(?:\\s[^>]*)?/?>");

    @Override
    public String name() {
        return "mediawiki";
    }

    @Override
    public boolean recognises(String text) {
        int count = CatalogText.occurrences(ANY_HEADING, text, 2);
        return count >= 2 || (count == 1 && WIKI_MARKUP.matcher(text).find());
    }

    @Override
    public List<Catalog> parse(String catalogName, String text, IdeaAssembler assembler) {
        String markdown = toMarkdown(text);
        return List.of(assembler.assemble(catalogName, Slugs.catalogSlug(catalogName), name(), markdown,
                MarkdownDrafts.read(markdown)));
    }

    static String toMarkdown(String wiki) {
        String text = wiki.replaceAll("(?s)<!--.*?-->", "").replaceAll("__[A-Z]+__", "");
        text = text.replaceAll("(?is)<ref[^>/]*>.*?</ref>|<ref[^>]*/>", "");
        List<String> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher code = CODE_OPEN.matcher(line);
            if (code.matches()) {
                i = codeBlock(lines, i, code.group(1), code.group(2), out);
                continue;
            }
            if (line.startsWith("{|")) {
                i = table(lines, i, out);
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                out.add("#".repeat(heading.group(1).length()) + " " + inline(heading.group(2)));
                continue;
            }
            Matcher list = LIST.matcher(line);
            if (list.matches()) {
                out.add(listItem(list.group(1), inline(list.group(2))));
                continue;
            }
            out.add(inline(line));
        }
        return String.join("\n", out);
    }

    private static int codeBlock(String[] lines, int start, String tag, String rest, List<String> out) {
        out.add("```");
        Pattern close = Pattern.compile("(?i)</" + tag + ">");
        String first = rest;
        int i = start;
        while (true) {
            Matcher end = close.matcher(first);
            if (end.find()) {
                if (!first.substring(0, end.start()).isBlank()) out.add(first.substring(0, end.start()));
                break;
            }
            if (!first.isEmpty() || i > start) out.add(first);
            if (++i >= lines.length) break;
            first = lines[i];
        }
        out.add("```");
        return i;
    }

    private static String listItem(String markers, String content) {
        String indent = "  ".repeat(markers.length() - 1);
        char kind = markers.charAt(markers.length() - 1);
        return switch (kind) {
            case '*' -> indent + "- " + content;
            case '#' -> indent + "1. " + content;
            // "; Term : definition" is a definition list; as "Term: definition" metadata labels are recognised.
            case ';' -> indent + content.replaceFirst("\\s+:\\s*", ": ");
            default -> indent + content;
        };
    }

    /** A wiki table as a Markdown table; its first row is the header, as on ideas pages it always is. */
    private static int table(String[] lines, int start, List<String> out) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        int i = start + 1;
        for (; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("|}")) break;
            if (line.startsWith("|+")) continue;
            if (line.startsWith("|-")) {
                if (!row.isEmpty()) rows.add(row);
                row = new ArrayList<>();
            } else if (line.startsWith("!") || line.startsWith("|")) {
                String separator = line.startsWith("!") ? "!!|\\|\\|" : "\\|\\|";
                for (String cell : line.substring(1).split(separator)) row.add(cellText(cell));
            } else if (!row.isEmpty() && !line.isEmpty()) {
                int last = row.size() - 1;
                row.set(last, (row.get(last) + " " + inline(line)).strip());
            }
        }
        if (!row.isEmpty()) rows.add(row);
        if (!rows.isEmpty()) {
            out.add("");
            out.add(markdownRow(rows.get(0)));
            out.add(markdownRow(rows.get(0).stream().map(cell -> "---").toList()));
            for (List<String> cells : rows.subList(1, rows.size())) out.add(markdownRow(cells));
            out.add("");
        }
        return i;
    }

    private static String cellText(String cell) {
        Matcher attributes = CELL_ATTRIBUTES.matcher(cell);
        String value = attributes.matches() ? attributes.group(1) : cell;
        return inline(value).strip();
    }

    private static String markdownRow(List<String> cells) {
        return "| " + String.join(" | ", cells.stream().map(cell -> cell.replace("|", "\\|")).toList()) + " |";
    }

    static String inline(String text) {
        String line = text.replace("'''''", "**").replace("'''", "**").replace("''", "");
        line = FILE_LINK.matcher(line).replaceAll("");
        line = WIKI_LINK.matcher(line).replaceAll(m -> Matcher.quoteReplacement(
                m.group(2) != null && !m.group(2).isBlank() ? m.group(2) : m.group(1).replaceFirst("#.*$", "")));
        line = MAILTO_LINK.matcher(line).replaceAll(m -> Matcher.quoteReplacement(
                m.group(2) != null ? m.group(2).strip() + " <" + m.group(1) + ">" : m.group(1)));
        line = EXTERNAL_LINK.matcher(line).replaceAll(m -> Matcher.quoteReplacement(
                m.group(3) != null ? m.group(3).strip() : m.group(1) + m.group(2)));
        String previous;
        do {
            previous = line;
            line = TEMPLATE.matcher(line).replaceAll("");
        } while (!line.equals(previous));
        line = INLINE_CODE.matcher(line).replaceAll(m -> Matcher.quoteReplacement("`" + m.group(2) + "`"));
        line = line.replaceAll("(?i)<br\\s*/?>", " ");
        line = line.replaceAll("(?i)<(?:s|strike|del)>(.*?)</(?:s|strike|del)>", "~~$1~~");
        return DROPPED_TAGS.matcher(line).replaceAll("");
    }
}
