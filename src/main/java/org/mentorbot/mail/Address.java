package org.mentorbot.mail;

import java.util.Locale;

/** A mailbox: display name (may be null) and address (lower-cased, may be null when a header had only a name). */
public record Address(String name, String email) {

    public Address {
        if (email != null) email = email.trim().toLowerCase(Locale.ROOT);
        if (name != null && name.isBlank()) name = null;
    }

    public String display() {
        if (name != null && email != null) return name + " <" + email + ">";
        return email != null ? email : (name == null ? "" : name);
    }
}
