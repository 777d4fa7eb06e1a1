package org.mentorbot.catalog;

import java.util.List;

/** The ideas of one page (one side of a diff counts as one page). */
public record Catalog(String name, Integer season, String format, List<Idea> ideas) {
    public Catalog {
        ideas = List.copyOf(ideas);
    }
}
