package org.mentorbot.mail;

/**
 * Undoes RFC 3676 format=flowed: a line ending in a space continues on the next line of the same quote depth.
 * Without this, quoted paragraphs from flowed mailers arrive cut at 72 columns and a quote marker can land in
 * the middle of a sentence.
 */
final class FlowedText {

    private FlowedText() {
    }

    static String unflow(String text, boolean delSp) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        StringBuilder paragraph = null;
        int paragraphDepth = 0;
        for (String line : lines) {
            int depth = 0;
            while (depth < line.length() && line.charAt(depth) == '>') depth++;
            String content = line.substring(depth);
            if (content.startsWith(" ")) content = content.substring(1); // space-stuffing
            boolean soft = content.endsWith(" ") && !content.equals("-- ");
            if (paragraph != null && depth != paragraphDepth) { // a flowed line must not swallow another depth
                finish(out, paragraph, paragraphDepth);
                paragraph = null;
            }
            if (paragraph == null) {
                paragraph = new StringBuilder();
                paragraphDepth = depth;
            }
            paragraph.append(soft && delSp ? content.substring(0, content.length() - 1) : content);
            if (!soft) {
                finish(out, paragraph, paragraphDepth);
                paragraph = null;
            }
        }
        if (paragraph != null) finish(out, paragraph, paragraphDepth);
        if (out.length() > 0) out.setLength(out.length() - 1); // split() added a last empty line's newline
        return out.toString();
    }

    private static void finish(StringBuilder out, StringBuilder paragraph, int depth) {
        if (depth > 0) {
            out.append(">".repeat(depth));
            if (paragraph.length() > 0) out.append(' ');
        }
        out.append(paragraph).append('\n');
    }
}
