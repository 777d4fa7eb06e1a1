package org.mentorbot.mail;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * HTML mail to plain text that the quote stripper can read: block elements break lines, paragraphs are separated
 * by an empty line, and everything inside &lt;blockquote&gt; is prefixed with "&gt; " per nesting level, the way a
 * plain-text mailer would have quoted it.
 */
final class HtmlText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2",
            "h3", "h4", "h5", "h6", "pre", "blockquote", "hr", "dl", "dt", "dd", "section", "article", "header",
            "footer", "address");
    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
            "table", "pre", "blockquote");
    private static final Set<String> INVISIBLE = Set.of("script", "style", "head", "title", "noscript", "template");

    private HtmlText() {
    }

    static String toText(String html) {
        Document doc = Jsoup.parse(html);
        Writer writer = new Writer();
        NodeTraversor.traverse(writer, doc.body() != null ? doc.body() : doc);
        return writer.text();
    }

    private static final class Writer implements NodeVisitor {
        private final StringBuilder out = new StringBuilder();
        private int quoteDepth;
        private int preDepth;
        private int hiddenDepth;
        private boolean lineStart = true;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                if (hiddenDepth == 0) text(preDepth > 0 ? text.getWholeText() : text.text());
                return;
            }
            if (!(node instanceof Element element)) return;
            String tag = element.normalName();
            if (INVISIBLE.contains(tag)) {
                hiddenDepth++;
                return;
            }
            if (tag.equals("br")) {
                newline();
            } else if (BLOCKS.contains(tag)) {
                if (PARAGRAPHS.contains(tag)) blankLine();
                else if (!lineStart) newline();
                if (tag.equals("li")) text("- ");
            }
            if (tag.equals("blockquote")) quoteDepth++;
            if (tag.equals("pre")) preDepth++;
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element element)) return;
            String tag = element.normalName();
            if (INVISIBLE.contains(tag)) {
                hiddenDepth--;
                return;
            }
            if (tag.equals("blockquote")) {
                if (!lineStart) newline();
                quoteDepth--;
            }
            if (tag.equals("pre")) preDepth--;
            if (PARAGRAPHS.contains(tag)) blankLine();
            else if (BLOCKS.contains(tag) && !tag.equals("br") && !lineStart) newline();
        }

        private void text(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\n' && preDepth > 0) {
                    newline();
                    continue;
                }
                if (c == '\u00a0') c = ' ';
                if (lineStart) {
                    if (c == ' ' && preDepth == 0) continue;
                    out.append("> ".repeat(quoteDepth));
                    lineStart = false;
                } else if (c == ' ' && preDepth == 0 && out.charAt(out.length() - 1) == ' ') {
                    continue;
                }
                out.append(c);
            }
        }

        private void newline() {
            int end = out.length();
            while (end > 0 && out.charAt(end - 1) == ' ') end--;
            out.setLength(end);
            if (lineStart && quoteDepth > 0) out.append(">".repeat(quoteDepth));
            out.append('\n');
            lineStart = true;
        }

        /** Ends the current line and leaves one empty line, unless the text already ends that way. */
        private void blankLine() {
            if (out.length() == 0) return;
            if (!lineStart) newline();
            if (out.length() >= 2 && out.charAt(out.length() - 2) != '\n' && !endsWithQuoteOnlyLine()) newline();
        }

        private boolean endsWithQuoteOnlyLine() {
            int i = out.length() - 2;
            while (i >= 0 && out.charAt(i) == '>') i--;
            return i < out.length() - 2 && (i < 0 || out.charAt(i) == '\n');
        }

        String text() {
            return out.toString().strip() + "\n";
        }
    }
}
