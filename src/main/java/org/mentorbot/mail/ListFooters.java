package org.mentorbot.mail;

import java.util.Locale;

/** Footers that list servers append (mailman, vger/majordomo, Google Groups): nothing after them is the author's. */
final class ListFooters {

    private ListFooters() {
    }

    /** Does a footer start at line i? */
    static boolean startsFooter(String[] lines, int i) {
        String line = lines[i].strip();
        String next = i + 1 < lines.length ? lines[i + 1].strip() : "";
        if (line.length() >= 20 && isRun(line, '_')) {
            String lower = next.toLowerCase(Locale.ROOT);
            return lower.contains("mailing list") || lower.contains("listinfo") || lower.contains("@lists.");
        }
        if (line.equals("--") && next.startsWith("To unsubscribe from this list")) return true;
        if (line.startsWith("More information about the ") && line.contains("mailing list")) return true;
        if (line.startsWith("You received this message because you are subscribed to")) return true;
        return isUnsubscribeLine(line) && lines.length - i <= 6;
    }

    /** Generic "To unsubscribe ..." lines, dropped wherever they are. */
    static boolean isUnsubscribeLine(String line) {
        String t = line.strip();
        return t.regionMatches(true, 0, "To unsubscribe", 0, 14);
    }

    static boolean isRun(String s, char c) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != c) return false;
        }
        return !s.isEmpty();
    }
}
