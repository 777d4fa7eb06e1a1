package org.mentorbot.mail;

/**
 * Finds a raw message's Message-ID without parsing it, so that a re-import skips archived messages at the
 * speed of reading, and a message that cannot be parsed still has a key. Mirrors how the parser picks the id
 * (first Message-ID header, first "&lt;...@...&gt;" in it, folding whitespace removed) and answers null
 * whenever it is unsure; the caller then parses.
 */
public final class HeaderScan {

    private static final byte[] NAME = "message-id:".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private HeaderScan() {
    }

    /** The Message-ID, or null when the header is missing or not plain. */
    public static String messageId(byte[] b) {
        int i = 0;
        while (i < b.length && (b[i] == '\n' || b[i] == '\r')) i++;
        if (startsWith(b, i, "From ")) i = nextLine(b, i);
        while (i < b.length && b[i] != '\n' && !(b[i] == '\r' && i + 1 < b.length && b[i + 1] == '\n')) {
            if (startsWithIgnoreCase(b, i, NAME)) {
                StringBuilder value = new StringBuilder();
                int j = i + NAME.length;
                while (true) {
                    int end = lineEnd(b, j);
                    for (int k = j; k < end; k++) {
                        if (b[k] < 0) return null; // 8-bit: leave it to the parser's decoding
                        value.append((char) b[k]);
                    }
                    j = nextLine(b, j);
                    if (j >= b.length || (b[j] != ' ' && b[j] != '\t')) break;
                }
                return firstId(value);
            }
            i = nextLine(b, i);
        }
        return null;
    }

    /**
     * The id a message is known by even when it cannot be parsed: its Message-ID as far as a scan can tell,
     * else the same digest-based id the parser gives a message without one.
     */
    public static String idOf(byte[] raw) {
        String id = messageId(raw);
        return id != null ? id : MailParser.syntheticId(raw);
    }

    private static String firstId(CharSequence value) {
        int i = 0;
        String s = value.toString();
        while (true) {
            int open = s.indexOf('<', i);
            if (open < 0) return null;
            int close = s.indexOf('>', open + 1);
            if (close < 0) return null;
            int nested = s.indexOf('<', open + 1);
            if (nested >= 0 && nested < close) {
                i = nested;
                continue;
            }
            String id = s.substring(open + 1, close).replaceAll("\\s+", "");
            if (id.indexOf('@') > 0) return "<" + id + ">";
            i = close + 1;
        }
    }

    private static int lineEnd(byte[] b, int i) {
        while (i < b.length && b[i] != '\n') i++;
        return i; // a trailing CR lies outside the brackets and is ignored
    }

    private static int nextLine(byte[] b, int i) {
        while (i < b.length && b[i] != '\n') i++;
        return i + 1;
    }

    private static boolean startsWith(byte[] b, int i, String s) {
        if (b.length - i < s.length()) return false;
        for (int k = 0; k < s.length(); k++) if (b[i + k] != s.charAt(k)) return false;
        return true;
    }

    private static boolean startsWithIgnoreCase(byte[] b, int i, byte[] lower) {
        if (b.length - i < lower.length) return false;
        for (int k = 0; k < lower.length; k++) {
            int c = b[i + k];
            if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
            if (c != lower[k]) return false;
        }
        return true;
    }
}
