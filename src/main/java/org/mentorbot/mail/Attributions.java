package org.mentorbot.mail;

import java.util.regex.Pattern;

/**
 * Reply attribution lines: "On Mon, 23 Mar 2015, Jane &lt;j@x&gt; wrote:", "Jane writes:", "Quoting Jane:",
 * "Le 23 févr. 2011 à 00:42, Jane a écrit :", "Am 23.02.2011 um 10:00 schrieb Jane &lt;j@x&gt;:",
 * "El 23/02/2011, Jane escribió:". Mail clients wrap the long "On ... wrote:" line, so a line opening one may
 * be continued by the next.
 */
final class Attributions {

    private static final int MAX = 400;

    // Only lines ending in ':' and shorter than MAX reach these, so the leading ".*" cannot run away.
    private static final Pattern VERB_LAST = Pattern.compile(
            ".*\\b(?:wrote|writes|said|a écrit|escribió|escreveu|ha scritto|schreef|skrev|napisał|kirjoitti)\\s*+:",
            Pattern.UNICODE_CHARACTER_CLASS);
    /** German puts the sender after the verb: "Am ... schrieb Jane Doe &lt;j@x&gt;:". */
    private static final Pattern VERB_THEN_NAME = Pattern.compile(".*\\bschrieb\\b.{0,200}:",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern OPENER = Pattern.compile("(?:On|Le|Am|El|Em|Il|Op|W dniu) \\S.*");

    private Attributions() {
    }

    /** The line alone is an attribution. */
    static boolean isAttribution(String line) {
        String t = line.strip();
        int n = t.length();
        if (n < 6 || n > MAX || t.charAt(n - 1) != ':') return false;
        if (t.startsWith("Quoting ")) return true;
        return VERB_LAST.matcher(t).matches() || t.contains("schrieb") && VERB_THEN_NAME.matcher(t).matches();
    }

    /** The line and the next together are an attribution that the mail client wrapped. */
    static boolean isWrappedAttribution(String line, String next) {
        if (next == null) return false;
        String a = line.strip();
        String b = next.strip();
        if (a.isEmpty() || b.isEmpty() || a.length() + b.length() > MAX || a.endsWith(":")) return false;
        if (!OPENER.matcher(a).matches()) return false;
        return isAttribution(a + " " + b);
    }
}
