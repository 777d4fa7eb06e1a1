package org.mentorbot.mail;

import java.util.ArrayList;
import java.util.List;

/**
 * Pulls message ids out of Message-ID, In-Reply-To and References. Old mailers put prose around the id in
 * In-Reply-To ("Your message of Wed, 23 Feb 2011 ... &lt;id@host&gt;"), so ids are found, not parsed.
 */
final class MessageIds {

    private MessageIds() {
    }

    /** The first "&lt;...&gt;" holding an '@', else the first "&lt;...&gt;", else a bare id-looking token bracketed; null if none. */
    static String first(String value) {
        if (value == null) return null;
        List<String> ids = all(value);
        for (String id : ids) {
            if (id.indexOf('@') > 0) return id;
        }
        if (!ids.isEmpty()) return ids.get(0);
        String bare = value.trim();
        if (!bare.isEmpty() && bare.indexOf(' ') < 0 && bare.indexOf('\t') < 0 && bare.indexOf('<') < 0) {
            return "<" + bare + ">";
        }
        return null;
    }

    /** Every "&lt;...&gt;" token in order, without duplicates; whitespace inside (from folding) removed. */
    static List<String> all(String value) {
        List<String> ids = new ArrayList<>();
        if (value == null) return ids;
        int i = 0;
        while (true) {
            int open = value.indexOf('<', i);
            if (open < 0) break;
            int close = value.indexOf('>', open + 1);
            if (close < 0) break;
            int nested = value.indexOf('<', open + 1);
            if (nested >= 0 && nested < close) { // "<<id>" or a stray '<': restart at the inner one
                i = nested;
                continue;
            }
            String id = stripWhitespace(value.substring(open + 1, close));
            if (!id.isEmpty()) {
                String bracketed = "<" + id + ">";
                if (!ids.contains(bracketed)) ids.add(bracketed);
            }
            i = close + 1;
        }
        return ids;
    }

    private static String stripWhitespace(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                if (out == null) out = new StringBuilder(s.substring(0, i));
            } else if (out != null) {
                out.append(s.charAt(i));
            }
        }
        return out == null ? s : out.toString();
    }
}
