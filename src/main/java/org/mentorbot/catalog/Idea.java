package org.mentorbot.catalog;

import java.util.List;

/**
 * One project idea from an ideas page.
 *
 * @param id            stable across runs: derived from the catalog name and the title
 * @param catalog       the catalog (page) name, normally its file name
 * @param season        the year the page is for, or null when the page does not tell
 * @param prerequisites free text, empty when the page gives none
 * @param difficulty    free text, empty when the page gives none
 */
public record Idea(
        String id,
        String title,
        String description,
        String prerequisites,
        String difficulty,
        List<Contact> contacts,
        String catalog,
        Integer season,
        Status status) {

    public enum Status { OPEN, TAKEN, RETIRED }

    public Idea {
        contacts = List.copyOf(contacts);
    }

    /** Contacts who are people, as opposed to lists and IRC channels. */
    public List<Contact> mentors() {
        return contacts.stream().filter(c -> c.role() == Contact.Role.MENTOR).toList();
    }
}
