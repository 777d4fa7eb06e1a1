package org.mentorbot.catalog;

/**
 * A way to reach the people behind an idea. {@code email} is null for IRC channels and for nicks the
 * mentor directory could not resolve; {@code name} is null for bare addresses.
 */
public record Contact(String name, String email, Role role) {

    public enum Role { MENTOR, LIST, IRC }

    public static Contact mentor(String name, String email) {
        return new Contact(name, email, Role.MENTOR);
    }

    public static Contact list(String email) {
        return new Contact(null, email, Role.LIST);
    }

    public static Contact irc(String channel) {
        return new Contact(channel, null, Role.IRC);
    }

    /** "Name <addr>", "addr", or "Name" — for people reading a catalog listing. */
    public String display() {
        if (name != null && email != null) return name + " <" + email + ">";
        return email != null ? email : name;
    }
}
