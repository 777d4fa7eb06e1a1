package org.mentorbot.triage;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mentorbot.catalog.Idea;
import org.mentorbot.mail.Address;
import org.mentorbot.mail.MailMessage;
import org.mentorbot.mail.Subjects;

/**
 * What triage knows around a message: which thread it is in, whether that thread already carries an
 * inquiry and who asked it, and what its sender wrote before. Threads are joined by Message-ID, In-Reply-To
 * and References, and by subject for replies whose parents were never seen.
 *
 * <p>{@code triage} over files fills it from all its inputs; the bot seeds it from the ledger when it
 * starts ({@link #remember}), so that a restart forgets no thread. The oldest entries give way beyond
 * {@code capacity} messages, so a daemon's memory stays bounded.
 */
public final class ThreadContext {

    /** The inquiry that opened (or first appeared in) a thread. */
    public record Inquiry(String asker, Idea idea) {
    }

    /** What a sender sent before this message. */
    public record SenderHistory(int messages, int inquiries, int reports, int patches) {
        static final SenderHistory NONE = new SenderHistory(0, 0, 0, 0);
    }

    /**
     * Where a message falls.
     *
     * @param thread       the thread's key (the Message-ID of its first known message)
     * @param parentSeen   a message it answers or references is known
     * @param inquiry      the thread's inquiry, or null
     * @param opening      who opened the thread and what about, or null when its first message was not seen
     * @param parent       the message it answers, or null when not seen
     * @param sender       the sender's earlier mail
     * @param subjectKey   the subject as threads compare it
     */
    public record Place(String thread, boolean parentSeen, Inquiry inquiry, Opening opening, Parent parent,
                        SenderHistory sender, String subjectKey) {
    }

    /**
     * What a message turned out to be, as the context remembers it.
     *
     * @param inquiry   it makes its thread an inquiry's thread (an inquiry, or nearly one)
     * @param programme it names a mentoring programme (in its subject or its own words)
     * @param answer    it reads like an answer to an applicant (a mentor's or maintainer's voice)
     */
    public record Traits(boolean inquiry, boolean report, boolean patch, boolean programme, boolean answer) {
    }

    /** The message a reply answers: who sent it and whether it read like an answer to an applicant. */
    public record Parent(String sender, boolean answer) {
    }

    /** Who opened a thread, when (null if undated), and whether that first message was about a mentoring programme. */
    public record Opening(String starter, Instant at, boolean programme) {
    }

    private final Map<String, String> threadOfMessage;
    private final Map<String, String> threadOfSubject;
    private final Map<String, Inquiry> inquiries;
    private final Map<String, Opening> openings;
    private final Map<String, Parent> messages;
    private final Map<String, SenderHistory> senders;

    public ThreadContext() {
        this(500_000);
    }

    public ThreadContext(int capacity) {
        threadOfMessage = bounded(capacity);
        threadOfSubject = bounded(capacity);
        inquiries = bounded(capacity);
        openings = bounded(capacity);
        messages = bounded(capacity);
        senders = bounded(capacity);
    }

    private static <V> Map<String, V> bounded(int capacity) {
        return new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Places the message in a thread (joining what it references); changes nothing until {@link #record}. */
    public Place place(MailMessage message) {
        String thread = null;
        for (String ref : message.references()) {
            thread = threadOfMessage.get(key(ref));
            if (thread != null) break;
        }
        if (thread == null && message.inReplyTo() != null) thread = threadOfMessage.get(key(message.inReplyTo()));
        boolean parentSeen = thread != null;
        String subject = Subjects.key(message.subject());
        if (thread == null && Subjects.isReply(message.subject()) && !subject.isEmpty()) {
            thread = threadOfSubject.get(subject);
        }
        if (thread == null) {
            thread = !message.references().isEmpty() ? message.references().get(0) : message.messageId();
        }
        SenderHistory history = senders.getOrDefault(person(message.from()), SenderHistory.NONE);
        Parent parent = message.inReplyTo() != null ? messages.get(key(message.inReplyTo()))
                : message.references().isEmpty() ? null : messages.get(key(message.references().get(message.references().size() - 1)));
        return new Place(thread, parentSeen, inquiries.get(key(thread)), openings.get(key(thread)), parent, history, subject);
    }

    /** Remembers a triaged message: its thread, the thread's inquiry if it is one, and its sender's history. */
    public void record(MailMessage message, Place place, Traits traits, Idea idea) {
        remember(message.messageId(), place.thread(), message.references(), place.subjectKey(), person(message.from()),
                message.date(), traits, idea);
    }

    /**
     * Remembers a message triaged earlier (by an earlier run of the bot, read back from its ledger).
     *
     * @param subjectKey as {@link Subjects#key} gives it
     * @param sender     as {@link #person} gives it
     * @param date       when it was sent, or null
     */
    public void remember(String messageId, String thread, List<String> references, String subjectKey, String sender,
                         Instant date, Traits traits, Idea idea) {
        if (key(thread).equals(key(messageId))) openings.putIfAbsent(key(thread), new Opening(sender, date, traits.programme()));
        threadOfMessage.put(key(messageId), thread);
        messages.put(key(messageId), new Parent(sender, traits.answer()));
        for (String ref : references) threadOfMessage.putIfAbsent(key(ref), thread);
        if (!subjectKey.isEmpty()) threadOfSubject.putIfAbsent(subjectKey, thread);
        if (traits.inquiry()) {
            Inquiry known = inquiries.get(key(thread));
            if (known == null || (known.idea() == null && idea != null)) inquiries.put(key(thread), new Inquiry(sender, idea));
        }
        SenderHistory h = senders.getOrDefault(sender, SenderHistory.NONE);
        senders.put(sender, new SenderHistory(h.messages() + 1, h.inquiries() + (traits.inquiry() ? 1 : 0),
                h.reports() + (traits.report() ? 1 : 0), h.patches() + (traits.patch() ? 1 : 0)));
    }

    /** The thread a message already recorded belongs to, or null. */
    public String threadOf(String messageId) {
        return threadOfMessage.get(key(messageId));
    }

    /**
     * The sender as threads compare people: the address, else the lower-cased name, else "". Lists that
     * rewrite From for DMARC ("Jane Doe via dev-list &lt;dev-list@…&gt;") give everyone the list's address:
     * there the name is the person.
     */
    public static String person(Address from) {
        if (from == null) return "";
        String name = from.name() == null ? null : from.name().toLowerCase(Locale.ROOT).replace("'", "").replace("\"", "").strip();
        int via = name == null ? -1 : name.lastIndexOf(" via ");
        if (via > 0) return name.substring(0, via).strip();
        if (from.email() != null) return from.email().toLowerCase(Locale.ROOT);
        return name == null ? "" : name;
    }

    private static String key(String messageId) {
        return messageId.toLowerCase(Locale.ROOT);
    }
}
