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

    /** "..., Jane Doe <j@x> wrote:" → "Jane": the first word of the name just before the verb. */
    private static final Pattern AUTHOR = Pattern.compile(
            "(?:^|[,;]\\s*|\\s)(\\p{L}[\\p{L}'-]+)(?:\\s+\\p{L}[\\p{L}.'-]*){0,3}\\s*(?:<[^>]*>|\\([^)]*\\)|\\[[^]]*])?\\s*"
                    + "(?:wrote|writes|said|a écrit|escribió|escreveu|ha scritto|schreef|skrev|napisał|kirjoitti)\\s*+:\\s*$",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final String GREETING = "(?:hi|hello|hey|dear|hallo|bonjour|salut|hola|ciao|greetings)";
    /** Archives rendered to HTML (pipermail) drop quote marks; looking further than this is guesswork. */
    private static final int UNMARKED_QUOTE_LINES = 80;

    private Attributions() {
    }

    /**
     * When an attribution is followed by text without '>' marks (a web archive lost them), the quote ends
     * where the author turns to the quoted person: "Hello Jane,". Returns the index of that greeting line,
     * or -1 when the quote cannot be delimited this way.
     */
    static int endOfUnmarkedQuote(String[] lines, int attribution, int last) {
        java.util.regex.Matcher author = AUTHOR.matcher(lines[attribution].strip());
        if (!author.find()) return -1;
        Pattern greeting = Pattern.compile("\\s*" + GREETING + "\\b[\\s,]*" + Pattern.quote(author.group(1)) + "\\b.*",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
        int first = attribution + 1;
        while (first <= last && lines[first].isBlank()) first++;
        if (first > last || TextNormalizer.isQuoted(lines[first])) return -1;
        for (int i = first; i <= last && i <= attribution + UNMARKED_QUOTE_LINES; i++) {
            if (TextNormalizer.isQuoted(lines[i])) return -1;
            if (lines[i].length() < 120 && greeting.matcher(lines[i]).matches()) return i;
        }
        return -1;
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
