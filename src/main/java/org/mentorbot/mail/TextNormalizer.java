package org.mentorbot.mail;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Separates what the author wrote from what they carried along, in one pass over the lines:
 * '>' quotes, attribution lines and Outlook "Original Message" blocks go to {@code quoted}; signatures, list
 * footers, commit trailers and patches (diffs and diffstats) are dropped; the rest, including answers written
 * between quoted passages, is {@code own}.
 *
 * <p>Patches are followed hunk by hunk using the line counts of the "@@ -a,b +c,d @@" headers, so blank
 * context lines and removed "-- " lines inside a hunk do not end the patch early, and the prose after a patch
 * ("Thanks, ...") is recognised as the author's again.
 */
public final class TextNormalizer {

    private static final Pattern TRAILER = Pattern.compile(
            "(?i)(?:Signed-off-by|Reviewed-by|Acked-by|Tested-by|Reported-by|Suggested-by|Requested-by|Helped-by"
            + "|Mentored-by|Co-developed-by|Co-authored-by|Noticed-by|Based-on-patch-by|Original-patch-by"
            + "|Cc|Link|Fixes|Closes|Change-Id|Bug|Message-Id|Reviewed-on):\\s.*");
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
            "(?i)\\s*-{2,}\\s*(?:original message|forwarded message|ursprüngliche nachricht|message d'origine"
            + "|mensaje original|messaggio originale)\\s*-{2,}\\s*",
            Pattern.UNICODE_CHARACTER_CLASS);

    private TextNormalizer() {
    }

    private enum Mode { OWN, PATCH, CONTEXT_PATCH, BINARY_PATCH, SIGNATURE, QUOTED_REST, END }

    public static MessageText normalize(String body) {
        if (body == null || body.isEmpty()) return new MessageText("", "", false, false);
        String[] lines = BodyDecoder.normaliseLineBreaks(body).split("\n", -1);
        int last = lastNonBlank(lines);
        Text own = new Text();
        Text quoted = new Text();
        boolean hasQuote = false;
        boolean hasPatch = false;
        Mode mode = Mode.OWN;
        int oldLeft = 0;
        int newLeft = 0;

        for (int i = 0; i <= last && mode != Mode.END; i++) {
            String line = lines[i];

            if (mode == Mode.PATCH) {
                if (oldLeft > 0 || newLeft > 0) {
                    char c = line.isEmpty() ? ' ' : line.charAt(0);
                    if (c == ' ') {
                        oldLeft--;
                        newLeft--;
                        continue;
                    } else if (c == '-') {
                        oldLeft--;
                        continue;
                    } else if (c == '+') {
                        newLeft--;
                        continue;
                    } else if (c == '\\') {
                        continue;
                    }
                    oldLeft = newLeft = 0; // whitespace-damaged patch: fall through and re-read the line
                }
                int[] counts = DiffLines.hunkCounts(line);
                if (counts != null) {
                    oldLeft = counts[0];
                    newLeft = counts[1];
                    continue;
                }
                if (line.equals("-- ")) {
                    mode = Mode.SIGNATURE; // git format-patch ends with "-- \n2.x.y"
                    continue;
                }
                if (line.startsWith("GIT binary patch")) {
                    mode = Mode.BINARY_PATCH;
                    continue;
                }
                if (line.isBlank() || line.startsWith("\\ ") || DiffLines.isHeader(line)) continue;
                mode = Mode.OWN;
            } else if (mode == Mode.CONTEXT_PATCH) {
                if (line.isEmpty() || DiffLines.isContextDiffLine(line) || DiffLines.isHeader(line)) continue;
                mode = Mode.OWN;
            } else if (mode == Mode.BINARY_PATCH) {
                if (!line.isBlank() && !line.startsWith("diff ")) continue;
                mode = Mode.PATCH;
                if (line.isBlank()) continue;
            }

            if (ListFooters.startsFooter(lines, i)) {
                mode = Mode.END;
                continue;
            }
            if (mode == Mode.QUOTED_REST) {
                quoted.add(stripQuoteMarks(line));
                continue;
            }
            if (isQuoted(line)) {
                quoted.add(stripQuoteMarks(line));
                hasQuote = true;
                continue;
            }
            if (startsOriginalMessage(lines, i)) {
                quoted.add(line.strip());
                hasQuote = true;
                mode = Mode.QUOTED_REST;
                continue;
            }
            if (Attributions.isAttribution(line)) {
                quoted.add(line.strip());
                hasQuote = true;
                int answer = Attributions.endOfUnmarkedQuote(lines, i, last);
                for (int j = i + 1; j < answer; j++) quoted.add(lines[j]);
                if (answer > 0) i = answer - 1;
                continue;
            }
            if (i < last && Attributions.isWrappedAttribution(line, lines[i + 1])) {
                quoted.add(line.strip() + " " + lines[i + 1].strip());
                hasQuote = true;
                i++;
                continue;
            }
            if (mode == Mode.SIGNATURE || ListFooters.isUnsubscribeLine(line)) continue;

            // mode == OWN
            if (line.equals("-- ") || line.equals("--") && last - i <= 10) {
                mode = Mode.SIGNATURE;
                continue;
            }
            if (DiffLines.startsPatch(lines, i)) {
                hasPatch = true;
                mode = line.startsWith("*** ") ? Mode.CONTEXT_PATCH : Mode.PATCH;
                int[] counts = DiffLines.hunkCounts(line);
                if (counts != null) {
                    oldLeft = counts[0];
                    newLeft = counts[1];
                }
                continue;
            }
            if (line.equals("---")) continue; // format-patch: end of the commit message
            if (DiffLines.isDiffstat(line)) {
                if (DiffLines.isDiffstatSummary(line)) hasPatch = true;
                continue;
            }
            if (line.length() < 300 && line.indexOf(':') > 0 && TRAILER.matcher(line).matches()) continue;
            own.add(line);
        }
        return new MessageText(own.toString(), quoted.toString(), hasQuote, hasPatch);
    }

    /** '>' after at most three spaces, as mailers quote ("> ", ">>", "> >", " > "). */
    static boolean isQuoted(String line) {
        int i = 0;
        while (i < line.length() && i < 3 && line.charAt(i) == ' ') i++;
        return i < line.length() && line.charAt(i) == '>';
    }

    /** "> > text" → "text". */
    static String stripQuoteMarks(String line) {
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == '>' || c == ' ' || c == '\t') i++;
            else break;
        }
        return line.substring(i);
    }

    /** Outlook and webmail quote the whole previous mail below a separator or a header block, without '>'. */
    private static boolean startsOriginalMessage(String[] lines, int i) {
        String line = lines[i];
        if (line.length() > 120) return false;
        if (line.startsWith("Begin forwarded message:")) return true;
        if (line.indexOf('-') >= 0 && ORIGINAL_MESSAGE.matcher(line).matches()) return true;
        String t = line.strip();
        if (t.length() >= 20 && ListFooters.isRun(t, '_')) {
            return i + 1 < lines.length && lines[i + 1].strip().startsWith("From:");
        }
        if (t.startsWith("From: ")) { // "From: X\nSent: ...\nTo: ...\nSubject: ..."
            boolean sent = false;
            boolean subject = false;
            for (int j = i + 1; j < lines.length && j <= i + 5; j++) {
                String h = lines[j].strip().toLowerCase(Locale.ROOT);
                if (h.startsWith("sent:") || h.startsWith("date:")) sent = true;
                if (h.startsWith("subject:") || h.startsWith("to:")) subject = true;
            }
            return sent && subject;
        }
        return false;
    }

    private static int lastNonBlank(String[] lines) {
        int last = lines.length - 1;
        while (last >= 0 && lines[last].isBlank()) last--;
        return last;
    }

    /** Lines with trailing whitespace trimmed, runs of blank lines collapsed to one, no leading/trailing blanks. */
    private static final class Text {
        private final StringBuilder out = new StringBuilder();
        private boolean pendingBlank;

        void add(String line) {
            String l = line.stripTrailing();
            if (l.isEmpty()) {
                pendingBlank = out.length() > 0;
                return;
            }
            if (out.length() > 0) {
                out.append('\n');
                if (pendingBlank) out.append('\n');
            }
            pendingBlank = false;
            out.append(l);
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
