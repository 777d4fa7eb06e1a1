package org.mentorbot.triage;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.mentorbot.catalog.Idea;
import org.mentorbot.mail.Address;
import org.mentorbot.mail.MailMessage;
import org.mentorbot.mail.Subjects;

/**
 * Remembers, within one run, which threads carry an inquiry and who asked it, so that the asker's
 * follow-ups stay inquiries about the same idea while other people's answers do not become inquiries.
 * Threads are joined by Message-ID, In-Reply-To and References, and by subject for replies whose
 * parents were never seen.
 */
final class ThreadTracker {

    /** The inquiry that opened (or first appeared in) a thread. */
    record Inquiry(String asker, Idea idea) {
    }

    private final Map<String, String> threadOfMessage = new HashMap<>();
    private final Map<String, String> threadOfSubject = new HashMap<>();
    private final Map<String, Inquiry> inquiries = new HashMap<>();

    /** Places the message in a thread (joining what it references) and returns the thread's key. */
    String place(MailMessage message) {
        String thread = null;
        for (String ref : message.references()) {
            thread = threadOfMessage.get(ref);
            if (thread != null) break;
        }
        if (thread == null && message.inReplyTo() != null) thread = threadOfMessage.get(message.inReplyTo());
        String subject = subjectKey(message.subject());
        if (thread == null && InquiryDetector.isReply(message) && !subject.isEmpty()) {
            thread = threadOfSubject.get(subject);
        }
        if (thread == null) {
            thread = !message.references().isEmpty() ? message.references().get(0) : message.messageId();
        }
        threadOfMessage.put(message.messageId(), thread);
        for (String ref : message.references()) threadOfMessage.putIfAbsent(ref, thread);
        if (!subject.isEmpty()) threadOfSubject.putIfAbsent(subject, thread);
        return thread;
    }

    String threadOf(String messageId) {
        return threadOfMessage.get(messageId);
    }

    Inquiry inquiryOf(String thread) {
        return inquiries.get(thread);
    }

    void recordInquiry(String thread, MailMessage message, Idea idea) {
        Inquiry known = inquiries.get(thread);
        if (known == null || (known.idea() == null && idea != null)) {
            inquiries.put(thread, new Inquiry(person(message.from()), idea));
        }
    }

    static String person(Address from) {
        if (from == null) return "";
        if (from.email() != null) return from.email();
        return from.name() == null ? "" : from.name().toLowerCase(Locale.ROOT);
    }

    static String subjectKey(String subject) {
        return Subjects.key(subject);
    }
}
