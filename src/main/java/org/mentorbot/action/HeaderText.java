package org.mentorbot.action;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Makes text taken from other people's mail safe to put into our headers. Everything the bot copies from
 * an incoming message (subject, names, message ids) is attacker-controlled: a CR or LF would end our header
 * and start one of theirs ("\r\nBcc: victim@example.com"), so such text is flattened to one line first.
 */
final class HeaderText {

    /** RFC 5322 msg-id as mailers write it, restricted to visible ASCII so nothing can break out of the header. */
    private static final Pattern MESSAGE_ID = Pattern.compile("<[\\x21-\\x7E&&[^<>]]+@[\\x21-\\x7E&&[^<>]]+>");

    /** Beyond this, an id is garbage or an attack on the References header's length. */
    private static final int MAX_MESSAGE_ID = 250;

    /** RFC 5322 asks to keep References short enough; the first id anchors the thread, the last ones place us. */
    private static final int MAX_REFERENCES = 20;

    private HeaderText() {
    }

    /**
     * One line of printable text: line breaks become spaces; other control characters, invisible format
     * characters (bidi overrides can make a subject read differently than it is) and lone surrogates are
     * dropped; runs of white space collapse; at most {@code max} code points, cut with an ellipsis.
     */
    static String singleLine(String s, int max) {
        if (s == null) return "";
        StringBuilder out = new StringBuilder(Math.min(s.length(), max + 8));
        boolean space = false;
        int count = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            boolean white = Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
            if (white) {
                space = out.length() > 0;
                continue;
            }
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.UNASSIGNED || type == Character.PRIVATE_USE) {
                continue;
            }
            if (count >= max) {
                out.append('\u2026');
                return out.toString();
            }
            if (space) {
                out.append(' ');
                count++;
                space = false;
            }
            out.appendCodePoint(cp);
            count++;
        }
        return out.toString();
    }

    /** The id when it is a well-formed "&lt;left@right&gt;", else null. */
    static String messageId(String id) {
        if (id == null) return null;
        String t = id.trim();
        return t.length() <= MAX_MESSAGE_ID && MESSAGE_ID.matcher(t).matches() ? t : null;
    }

    /**
     * RFC 5322 References of a reply: the parent's References followed by the parent's id. Malformed ids are
     * dropped rather than repaired; a long chain keeps its first id and the most recent ones.
     */
    static List<String> references(List<String> parentReferences, String parentId) {
        List<String> ids = new ArrayList<>();
        if (parentReferences != null) {
            for (String r : parentReferences) {
                String ok = messageId(r);
                if (ok != null && !ids.contains(ok)) ids.add(ok);
            }
        }
        String parent = messageId(parentId);
        if (parent != null) {
            ids.remove(parent);
            ids.add(parent);
        }
        if (ids.size() > MAX_REFERENCES) {
            List<String> kept = new ArrayList<>();
            kept.add(ids.get(0));
            kept.addAll(ids.subList(ids.size() - (MAX_REFERENCES - 1), ids.size()));
            return kept;
        }
        return ids;
    }
}
