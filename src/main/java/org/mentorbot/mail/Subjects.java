package org.mentorbot.mail;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Subjects as threading compares them: without reply/forward prefixes and list tags. One prefix is matched
 * at a time, moving along the subject, so that a subject of a thousand stacked "Re: " takes time linear in
 * its length and no regex recursion (a repeated group would recurse once per prefix and overflow the stack).
 */
public final class Subjects {

    // "Re:", "RE[2]:", "Fwd:", "Fw:", "AW:", "SV:", "Antw:" and "[tag]" in any order and number at the start.
    private static final Pattern PREFIX = Pattern.compile(
            "\\s*+(?:(re|fwd?|aw|sv|antw)\\s*+(?:\\[\\d{1,9}\\])?\\s*+:|\\[[^\\]\\n]{0,200}\\])", Pattern.CASE_INSENSITIVE);

    private Subjects() {
    }

    /** The subject lower-cased, prefixes and tags removed, whitespace collapsed; "" for none. */
    public static String key(String subject) {
        if (subject == null) return "";
        Matcher m = PREFIX.matcher(subject);
        int at = 0;
        while (m.region(at, subject.length()).lookingAt()) at = m.end();
        return subject.substring(at).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The subject says it answers or forwards something (ignoring list tags before the prefix). */
    public static boolean isReply(String subject) {
        if (subject == null) return false;
        Matcher m = PREFIX.matcher(subject);
        int at = 0;
        while (m.region(at, subject.length()).lookingAt()) {
            if (m.group(1) != null) return true;
            at = m.end();
        }
        return false;
    }
}
