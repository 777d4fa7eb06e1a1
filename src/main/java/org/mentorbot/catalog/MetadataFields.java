package org.mentorbot.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects an idea's metadata values as a format finds them, wherever on the page they sit. */
final class MetadataFields {

    private final List<String> contacts = new ArrayList<>();
    private final List<String> prerequisites = new ArrayList<>();
    private final List<String> difficulty = new ArrayList<>();

    /** Takes the line when it is metadata; false when it is description. */
    boolean take(String line) {
        Optional<MetadataLine> metadata = MetadataLine.parse(line);
        if (metadata.isEmpty()) return false;
        add(metadata.get().kind(), metadata.get().value());
        return true;
    }

    void add(MetadataLine.Kind kind, String value) {
        if (value == null || value.isBlank()) return;
        switch (kind) {
            case CONTACT -> contacts.add(value.strip());
            case PREREQUISITES -> prerequisites.add(value.strip());
            case DIFFICULTY -> difficulty.add(value.strip());
        }
    }

    IdeaDraft draft(String title, String description, Idea.Status status) {
        return new IdeaDraft(title, description, String.join("; ", prerequisites), String.join("; ", difficulty),
                String.join(", ", contacts), status);
    }
}
