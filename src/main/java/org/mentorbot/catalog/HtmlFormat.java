package org.mentorbot.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * A saved ideas web page. The HTML is turned into Markdown-ish text (headings become "#" headings, list items
 * "- " items) and read by whichever text format recognises the result; the catalog keeps the format "html".
 */
final class HtmlFormat implements CatalogFormat {

    private static final Pattern HTML_START = Pattern.compile("(?is)^\\s*(?:<\\?xml[^>]*>\\s*)?(?:<!--.*?-->\\s*)*(?:<!doctype\\s+html|<html)");
    private static final Pattern HTML_TAGS = Pattern.compile("(?i)<(?:body|h[1-6]|p|ul|li|div)(?:\\s[^>]*)?>");
    private static final Pattern CLOSING_TAG = Pattern.compile("(?i)</(?:body|h[1-6]|p|ul|li|div)>");

    private final List<CatalogFormat> textFormats;

    /** @param textFormats the formats to read the converted text with, in order of preference */
    HtmlFormat(List<CatalogFormat> textFormats) {
        this.textFormats = List.copyOf(textFormats);
    }

    @Override
    public String name() {
        return "html";
    }

    @Override
    public boolean recognises(String text) {
        return HTML_START.matcher(text).find()
                || (HTML_TAGS.matcher(text).find() && CLOSING_TAG.matcher(text).find());
    }

    @Override
    public List<Catalog> parse(String catalogName, String text, IdeaAssembler assembler) {
        String markdown = toMarkdown(text);
        for (CatalogFormat format : textFormats) {
            if (!format.recognises(markdown)) continue;
            List<Catalog> relabelled = new ArrayList<>();
            for (Catalog catalog : format.parse(catalogName, markdown, assembler)) {
                relabelled.add(new Catalog(catalog.name(), catalog.season(), name(), catalog.ideas()));
            }
            return relabelled;
        }
        return List.of();
    }

    static String toMarkdown(String html) {
        Document document = Jsoup.parse(html);
        document.select("script, style, noscript, template, nav").remove();
        StringBuilder out = new StringBuilder();
        String title = document.title();
        Element body = document.body();
        // The <title> often carries the season ("GSoC 2019 ideas") that the body only implies.
        if (!title.isBlank() && body.selectFirst("h1") == null) out.append("# ").append(title.strip()).append("\n\n");
        render(body, out);
        return out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip() + "\n";
    }

    private static void render(Node node, StringBuilder out) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode text) {
                String content = text.text();
                if (!content.isBlank() || (out.length() > 0 && out.charAt(out.length() - 1) != ' '
                        && out.charAt(out.length() - 1) != '\n')) {
                    out.append(content.replaceAll("\\s+", " "));
                }
            } else if (child instanceof Element element) {
                renderElement(element, out);
            }
        }
    }

    private static void renderElement(Element element, StringBuilder out) {
        String tag = element.normalName();
        switch (tag) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                block(out);
                // Inline markup matters in titles (Git's headings keep their `code`), so render rather than text().
                StringBuilder title = new StringBuilder();
                render(element, title);
                out.append("#".repeat(tag.charAt(1) - '0')).append(' ')
                        .append(title.toString().replaceAll("\\s+", " ").strip()).append("\n\n");
            }
            case "br" -> out.append('\n');
            case "hr" -> {
                block(out);
                out.append("---\n\n");
            }
            case "li", "dd", "dt" -> {
                newline(out);
                out.append(tag.equals("dt") ? "" : "- ");
                render(element, out);
                newline(out);
            }
            case "pre" -> {
                block(out);
                out.append("```\n").append(element.wholeText().strip()).append("\n```\n\n");
            }
            case "code", "tt", "kbd" -> out.append('`').append(element.text()).append('`');
            case "a" -> {
                String href = element.attr("href");
                String text = element.text();
                out.append(text);
                if (href.regionMatches(true, 0, "mailto:", 0, 7)) {
                    String address = href.substring(7).replaceFirst("\\?.*$", "");
                    if (!text.contains(address)) out.append(" <").append(address).append('>');
                }
            }
            case "p", "div", "section", "article", "main", "blockquote", "ul", "ol", "dl", "table", "tr", "header",
                    "footer", "aside", "form", "fieldset", "figure", "center" -> {
                block(out);
                render(element, out);
                block(out);
            }
            case "td", "th" -> {
                render(element, out);
                out.append(' ');
            }
            default -> render(element, out);
        }
    }

    private static void newline(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') out.append('\n');
    }

    private static void block(StringBuilder out) {
        newline(out);
        if (out.length() > 1 && out.charAt(out.length() - 2) != '\n') out.append('\n');
    }
}
