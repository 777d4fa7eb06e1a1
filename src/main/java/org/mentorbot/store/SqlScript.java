package org.mentorbot.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a migration script into statements. Deliberately simple, so the scripts follow two rules:
 * a statement ends with ';' at the end of a line, and a line starting with '--' is a comment.
 * A full SQL lexer would be needed for anything else (semicolons in strings, trailing comments).
 */
final class SqlScript {
    private SqlScript() {
    }

    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            if (!current.isEmpty()) {
                current.append('\n');
            }
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                statements.add(current.toString());
                current.setLength(0);
            } else {
                current.append(trimmed);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString());
        }
        return statements;
    }
}
