package org.mentorbot.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The two versions of a page recovered from a unified diff of it. Only the hunks are known, so where the diff
 * skips lines each side gets a {@link MarkdownIdeas#GAP} line instead of silently joining unrelated text.
 */
record DiffSides(String oldText, String newText) {

    static final Pattern HUNK = Pattern.compile("(?m)^@@ -\\d+(?:,\\d+)? \\+\\d+(?:,\\d+)? @@");
    private static final Pattern FILE_HEADER =
            Pattern.compile("^(?:diff --git |index [0-9a-f]+\\.\\.[0-9a-f]+|--- (?:a/|/dev/null)|\\+\\+\\+ (?:b/|/dev/null)).*");

    static boolean isDiff(String text) {
        return HUNK.matcher(text).find();
    }

    static DiffSides of(String diff) {
        List<String> oldLines = new ArrayList<>();
        List<String> newLines = new ArrayList<>();
        boolean inHunk = false;
        for (String line : diff.split("\n", -1)) {
            if (line.startsWith("@@")) {
                inHunk = HUNK.matcher(line).lookingAt();
                if (inHunk) {
                    oldLines.add(MarkdownIdeas.GAP);
                    newLines.add(MarkdownIdeas.GAP);
                }
                continue;
            }
            // Text before the first hunk, and between files, is the viewer's (commit message, gitweb header).
            if (!inHunk || FILE_HEADER.matcher(line).matches()) {
                if (line.startsWith("diff --git ")) inHunk = false;
                continue;
            }
            if (line.startsWith("\\")) continue; // "\ No newline at end of file"
            if (line.startsWith("-")) {
                oldLines.add(line.substring(1));
            } else if (line.startsWith("+")) {
                newLines.add(line.substring(1));
            } else {
                // Context; some viewers drop the leading blank of empty context lines.
                String content = line.isEmpty() ? "" : line.substring(1);
                oldLines.add(content);
                newLines.add(content);
            }
        }
        return new DiffSides(String.join("\n", oldLines), String.join("\n", newLines));
    }
}
