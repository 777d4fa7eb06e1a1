package org.mentorbot.archive;

import java.util.List;
import java.util.Locale;
import org.mentorbot.catalog.Contact;
import org.mentorbot.catalog.Idea;
import org.mentorbot.triage.Decision;

/**
 * What the archive keeps of a triage decision: stored with the message so that its document can be rebuilt
 * without triaging again.
 *
 * @param ideaId    null when no idea
 * @param mentors   lower-cased addresses of the idea's mentors
 */
public record Triaged(boolean inquiry, String ideaId, String ideaTitle, List<String> mentors) {

    public static final Triaged NONE = new Triaged(false, null, null, List.of());

    public Triaged {
        mentors = List.copyOf(mentors);
    }

    public static Triaged of(Decision decision) {
        if (decision == null) return NONE;
        if (decision.idea() == null) return new Triaged(decision.inquiry(), null, null, List.of());
        return new Triaged(decision.inquiry(), decision.idea().id(), decision.idea().title(), addresses(decision.contacts()));
    }

    /** An inquiry about this idea, as a mentor's correction says. */
    public static Triaged inquiryAbout(Idea idea) {
        return new Triaged(true, idea.id(), idea.title(), addresses(idea.contacts()));
    }

    private static List<String> addresses(List<Contact> contacts) {
        return contacts.stream()
                .filter(c -> c.role() == Contact.Role.MENTOR && c.email() != null)
                .map(c -> c.email().toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
    }
}
