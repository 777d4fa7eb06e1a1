package org.mentorbot.catalog;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A "Key: value" line that carries an idea's metadata ("Possible mentors:", "Difficulty:", "Language:"...), as a
 * plain line or a list item, with or without bold marks.
 */
record MetadataLine(Kind kind, String value) {

    enum Kind { CONTACT, DIFFICULTY, PREREQUISITES }

    private static final Pattern LINE = Pattern.compile(
            "^\\s{0,6}(?:[-*+•]\\s+)?(?:\\*\\*|__|[*_])?\\s*([A-Za-z][A-Za-z ()]{1,40}?)\\s*(?:\\*\\*|__|[*_])?\\s*:\\s*(?:\\*\\*|__|[*_])?\\s*(.*)$");

    static Optional<MetadataLine> parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) return Optional.empty();
        Kind kind = kindOf(m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip());
        if (kind == null) return Optional.empty();
        String value = m.group(2).replaceAll("\\s*(\\*\\*|__)\\s*$", "").strip();
        return Optional.of(new MetadataLine(kind, value));
    }

    static boolean isMetadata(String line) {
        return parse(line).isPresent();
    }

    private static Kind kindOf(String key) {
        if (key.equals("contact") || key.equals("contacts") || key.equals("contact point")
                || key.equals("contact points") || key.equals("contact person")
                || key.matches("(?:(?:possible|prospective|potential|proposed|suggested|interested|co|main) )?mentors?(?:\\(s\\))?(?: \\(.*\\))?")
                || key.equals("mentored by")) {
            return Kind.CONTACT;
        }
        if (key.matches("(?:(?:estimated|expected|estimation of) )?difficulty(?: level| rating)?|level|skill level|complexity")) {
            return Kind.DIFFICULTY;
        }
        if (key.matches("(?:prerequisites?|requirements?|required skills|skills?|languages?|programming languages?|"
                + "language\\(s\\)|skills? required|(?:programming|required|desirable|preferred) skills|required knowledge|"
                + "skills? needed)")) {
            return Kind.PREREQUISITES;
        }
        return null;
    }
}
