package org.mentorbot.triage;

import java.util.List;
import org.mentorbot.catalog.Contact;
import org.mentorbot.catalog.Idea;
import org.mentorbot.mail.MailMessage;

/**
 * What triage concluded about one message.
 *
 * @param idea         the idea asked about; null when the message is no inquiry or names no listed idea
 * @param confidence   in [0,1]: how sure triage is of this decision as a whole
 * @param contacts     whom to tell: the idea's contacts (people first), empty without an idea
 * @param alternatives the runners-up, best first (excluding {@code idea})
 * @param threadIdea   the idea of the thread this message belongs to, also for answers that are no inquiry
 * @param evidence     the reasons, strongest first
 * @param traits       what the thread context remembers of the message (inquiry, report, patch)
 */
public record Decision(
        MailMessage message,
        boolean inquiry,
        Idea idea,
        double confidence,
        List<Contact> contacts,
        List<IdeaMatch> alternatives,
        Idea threadIdea,
        List<Evidence> evidence,
        ThreadContext.Traits traits) {

    public enum Kind { NOT_INQUIRY, GENERAL_INQUIRY, IDEA_INQUIRY }

    public Decision {
        contacts = List.copyOf(contacts);
        alternatives = List.copyOf(alternatives);
        evidence = List.copyOf(evidence);
    }

    /** A decision whose message is neither a report nor a patch. */
    public Decision(MailMessage message, boolean inquiry, Idea idea, double confidence, List<Contact> contacts,
                    List<IdeaMatch> alternatives, Idea threadIdea, List<Evidence> evidence) {
        this(message, inquiry, idea, confidence, contacts, alternatives, threadIdea, evidence,
                new ThreadContext.Traits(inquiry, false, false, false, false));
    }

    public Kind kind() {
        if (!inquiry) return Kind.NOT_INQUIRY;
        return idea == null ? Kind.GENERAL_INQUIRY : Kind.IDEA_INQUIRY;
    }
}
