package org.mentorbot.archive;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Subjects as threading compares them: without reply/forward prefixes and list tags. */
final class Subjects {

    // "Re:", "RE[2]:", "Fwd:", "Fw:", "AW:", "SV:" and "[tag]" in any order and number at the start.
    private static final Pattern PREFIX = Pattern.compile(
            "^\\s*(?:(re|fwd?|aw|sv)\\s*(?:\\[\\d+\\])?\\s*:|\\[[^\\]]*\\])", Pattern.CASE_INSENSITIVE);

    private Subjects() {
    }

    /** The subject lower-cased, prefixes and tags removed, whitespace collapsed; "" for none. */
    static String key(String subject) {
        if (subject == null) return "";
        String s = subject;
        while (true) {
            Matcher m = PREFIX.matcher(s);
            if (!m.find()) break;
            s = s.substring(m.end());
        }
        return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The subject says it answers or forwards something (ignoring list tags before the prefix). */
    static boolean isReply(String subject) {
        if (subject == null) return false;
        String s = subject;
        while (true) {
            Matcher m = PREFIX.matcher(s);
            if (!m.find()) return false;
            if (m.group(1) != null) return true;
            s = s.substring(m.end());
        }
    }
}
