package org.mentorbot.mail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises the pieces of a patch in mail: diff headers, hunk headers, diffstat lines. */
final class DiffLines {

    private static final Pattern HUNK = Pattern.compile("@@ -(\\d++)(?:,(\\d++))? \\+(\\d++)(?:,(\\d++))? @@.*");
    /** " path/to/file.c | 12 ++++--" or " img.png | Bin 0 -> 1234 bytes"; the path part is bounded. */
    private static final Pattern DIFFSTAT = Pattern.compile(
            " {1,2}\\S.{0,250}?\\s\\|\\s++(?:\\d++ ?\\+*+-*+|Bin(?: \\d++ -> \\d++ bytes)?)\\s*+");
    private static final Pattern DIFFSTAT_SUMMARY = Pattern.compile(
            "\\s*+\\d++ files? changed(?:, \\d++ insertions?\\(\\+\\))?(?:, \\d++ deletions?\\(-\\))?\\s*+");
    private static final Pattern DIFFSTAT_MODE = Pattern.compile(
            " (?:(?:create|delete) mode \\d{6} .*|mode change \\d{6} => \\d{6} .*|rename .{1,250} \\(\\d{1,3}%\\)|copy .{1,250} \\(\\d{1,3}%\\))");

    private static final String[] HEADER_PREFIXES = {"diff ", "index ", "--- ", "+++ ", "new file mode ",
        "deleted file mode ", "old mode ", "new mode ", "similarity index ", "dissimilarity index ", "rename from ",
        "rename to ", "copy from ", "copy to ", "Binary files ", "Index: ", "=====", "RCS file: ",
        "retrieving revision ", "***************", "*** ", "Only in "};

    private DiffLines() {
    }

    /** Does a patch start at line i? Needs lookahead for the forms whose first line is also plausible prose. */
    static boolean startsPatch(String[] lines, int i) {
        String line = lines[i];
        if (line.startsWith("diff --git ") || line.startsWith("diff --cc ")) return true;
        // "diff -u a b" heads a patch, but prose wraps too: "diff --no-index dir file' says ..."
        if (line.startsWith("diff -")) return isFileHeader(next(lines, i, 1)) || isFileHeader(next(lines, i, 2));
        if (line.startsWith("Index: ")) return next(lines, i, 1).startsWith("====");
        if (line.startsWith("--- ")) {
            return next(lines, i, 1).startsWith("+++ ") && next(lines, i, 2).startsWith("@@ ");
        }
        if (line.startsWith("*** ")) {
            return next(lines, i, 1).startsWith("--- ") && next(lines, i, 2).startsWith("***************");
        }
        return line.startsWith("@@ -") && HUNK.matcher(line).matches();
    }

    private static boolean isFileHeader(String line) {
        return line.startsWith("--- ") || line.startsWith("index ") || line.startsWith("Binary files ")
                || line.startsWith("new file mode ") || line.startsWith("deleted file mode ") || line.startsWith("old mode ")
                || line.startsWith("similarity index ");
    }

    static boolean isHeader(String line) {
        for (String prefix : HEADER_PREFIXES) {
            if (line.startsWith(prefix)) return true;
        }
        return false;
    }

    /** Counts of old and new lines of a hunk header, or null when the line is not one. */
    static int[] hunkCounts(String line) {
        if (!line.startsWith("@@ -")) return null;
        Matcher m = HUNK.matcher(line);
        if (!m.matches()) return null;
        int oldCount = m.group(2) == null ? 1 : parse(m.group(2));
        int newCount = m.group(4) == null ? 1 : parse(m.group(4));
        return new int[] {oldCount, newCount};
    }

    /** A line of a context diff hunk ("! ", "+ ", "- ", "  ") or its range lines. */
    static boolean isContextDiffLine(String line) {
        return line.startsWith("! ") || line.startsWith("+ ") || line.startsWith("- ") || line.startsWith("  ")
                || line.startsWith("*** ") || line.startsWith("--- ") || line.startsWith("***************");
    }

    static boolean isDiffstat(String line) {
        if (line.length() > 300 || line.isEmpty()) return false;
        if (line.charAt(0) == ' ' && line.indexOf('|') > 0 && DIFFSTAT.matcher(line).matches()) return true;
        if (line.contains(" changed") && DIFFSTAT_SUMMARY.matcher(line).matches()) return true;
        return line.startsWith(" ") && (line.startsWith(" create mode ") || line.startsWith(" delete mode ")
                || line.startsWith(" mode change ") || line.startsWith(" rename ") || line.startsWith(" copy "))
                && DIFFSTAT_MODE.matcher(line).matches();
    }

    static boolean isDiffstatSummary(String line) {
        return line.length() < 200 && line.contains(" changed") && DIFFSTAT_SUMMARY.matcher(line).matches();
    }

    private static String next(String[] lines, int i, int ahead) {
        return i + ahead < lines.length ? lines[i + ahead] : "";
    }

    private static int parse(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE / 2; // absurd count: the hunk ends when a line stops looking like diff
        }
    }
}
