package org.mentorbot.triage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A labels.tsv file: what each labelled message is. Columns are found by the header line, so the
 * development set's layout (file, is_inquiry, idea_title, catalog, ...) and the corpus's (file, is_inquiry,
 * kind, idea_title, catalog, note) read alike.
 */
public final class Labels {

    /**
     * @param titles the accepted idea titles; empty for no listed idea
     * @param kind   the corpus's kind of message, or "" where the file has no kind column
     */
    public record Label(String file, boolean inquiry, String kind, List<String> titles) {
    }

    private Labels() {
    }

    /** The labels by file name, in file order; a malformed file is an {@link IllegalArgumentException} naming it. */
    public static Map<String, Label> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("labels " + file + ": cannot read (" + e.getMessage() + ")", e);
        }
        if (lines.isEmpty()) throw new IllegalArgumentException("labels " + file + ": empty, needs a header line");
        List<String> header = Arrays.asList(lines.get(0).split("\t", -1));
        int fileColumn = header.indexOf("file");
        int inquiryColumn = header.indexOf("is_inquiry");
        int titleColumn = header.indexOf("idea_title");
        int kindColumn = header.indexOf("kind");
        if (fileColumn < 0 || inquiryColumn < 0 || titleColumn < 0) {
            throw new IllegalArgumentException("labels " + file + ": the header must name the columns file, is_inquiry and idea_title");
        }
        int needed = Math.max(fileColumn, Math.max(inquiryColumn, Math.max(titleColumn, kindColumn))) + 1;
        Map<String, Label> labels = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            String[] cols = lines.get(i).split("\t", -1);
            if (cols.length < needed || !(cols[inquiryColumn].equals("yes") || cols[inquiryColumn].equals("no"))) {
                throw new IllegalArgumentException("labels " + file + ": line " + (i + 1) + " needs " + needed
                        + " tab-separated columns with is_inquiry yes or no");
            }
            String title = cols[titleColumn].trim();
            List<String> titles = title.equals("NONE") || title.isEmpty() ? List.of()
                    : Arrays.stream(title.split(" \\| ")).map(String::trim).toList();
            String kind = kindColumn < 0 ? "" : cols[kindColumn].trim();
            labels.put(cols[fileColumn], new Label(cols[fileColumn], cols[inquiryColumn].equals("yes"), kind, titles));
        }
        return labels;
    }
}
