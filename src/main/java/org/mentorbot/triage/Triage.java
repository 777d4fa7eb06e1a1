package org.mentorbot.triage;

import java.text.Normalizer;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mentorbot.catalog.Catalog;
import org.mentorbot.catalog.Contact;
import org.mentorbot.catalog.Idea;
import org.mentorbot.mail.MailMessage;
import org.mentorbot.mail.MessageText;
import org.mentorbot.mail.TextNormalizer;

/**
 * The triage facade: one message in, one {@link Decision} out. Messages must be given in the order
 * they were sent (or stored) so that threads are followed; an instance is not thread-safe.
 */
public final class Triage {

    private final List<Catalog> catalogs;
    private IdeaMatcher matcher;
    private Set<String> notInquirers = Set.of();
    private final InquiryDetector detector = new InquiryDetector();
    private final ThreadTracker threads = new ThreadTracker();
    private final TriageSettings settings;
    private final Set<String> mentorKeys = new HashSet<>();

    public Triage(List<Catalog> catalogs, TriageSettings settings) {
        this.catalogs = List.copyOf(catalogs);
        this.matcher = new IdeaMatcher(new IdeaIndex(catalogs));
        this.settings = settings;
        for (Catalog catalog : catalogs) {
            for (Idea idea : catalog.ideas()) {
                for (Contact c : idea.mentors()) {
                    if (c.email() != null) mentorKeys.add(c.email().toLowerCase(Locale.ROOT));
                    if (c.name() != null && c.name().contains(" ")) mentorKeys.add(nameKey(c.name()));
                }
            }
        }
    }

    /**
     * Learns from mentors' corrections: messages confirmed as about an idea join that idea's text, and
     * senders whose mail was dismissed as no inquiry weigh against being inquirers from then on.
     *
     * @param examples     text of corrected messages, by idea id
     * @param notInquirers addresses of senders of dismissed messages
     */
    public void learn(Map<String, List<String>> examples, Set<String> notInquirers) {
        Map<String, String> joined = new java.util.HashMap<>();
        examples.forEach((id, texts) -> joined.put(id, String.join("\n", texts)));
        this.matcher = new IdeaMatcher(new IdeaIndex(catalogs, joined));
        Set<String> lower = new HashSet<>();
        for (String a : notInquirers) lower.add(a.toLowerCase(Locale.ROOT));
        this.notInquirers = lower;
    }

    /** The idea with this id in any of the catalogs. */
    public java.util.Optional<Idea> idea(String id) {
        for (Catalog catalog : catalogs) {
            for (Idea idea : catalog.ideas()) {
                if (idea.id().equals(id)) return java.util.Optional.of(idea);
            }
        }
        return java.util.Optional.empty();
    }

    /** The thread a message already triaged in this run belongs to (the Message-ID of its first message), or null. */
    public String threadOf(String messageId) {
        return threads.threadOf(messageId);
    }

    public Decision triage(MailMessage message) {
        return triage(message, TextNormalizer.normalize(message.body()));
    }

    public Decision triage(MailMessage message, MessageText text) {
        String thread = threads.place(message);
        ThreadTracker.Inquiry known = threads.inquiryOf(thread);
        String sender = ThreadTracker.person(message.from());
        boolean senderIsMentor = isMentor(message);

        if (known != null && !known.asker().equals(sender)) {
            List<Evidence> why = List.of(new Evidence("answer-in-inquiry-thread", -10,
                    "the thread's inquiry was asked by someone else"));
            return new Decision(message, false, null, 0.9, List.of(), List.of(), known.idea(), why);
        }

        String subject = message.subject() == null ? "" : message.subject();
        if (known == null && InquirySignals.programme(subject) == InquirySignals.Programme.NONE
                && InquirySignals.programme(text.own()) == InquirySignals.Programme.NONE) {
            // Nearly all list traffic ends here, cheaply: no programme, no ideas page, no known inquiry thread.
            List<Evidence> why = List.of(InquiryDetector.PRIOR, InquiryDetector.NO_PROGRAMME);
            return new Decision(message, false, null, 1 - InquiryDetector.probability(why), List.of(), List.of(), null, why);
        }
        Integer year = message.date() == null ? null : message.date().atZone(ZoneOffset.UTC).getYear();
        List<IdeaMatch> matches = matcher.match(new IdeaMatcher.Query(
                TextAnalysis.terms(ThreadTracker.subjectKey(subject)), TextAnalysis.terms(text.own()), year));
        IdeaMatch best = matches.isEmpty() ? null : matches.get(0);
        boolean dismissedBefore = message.from() != null && message.from().email() != null
                && notInquirers.contains(message.from().email());
        InquiryDetector.Assessment assessment = detector.assess(message, text, best, senderIsMentor, known != null,
                dismissedBefore);
        List<Evidence> evidence = new ArrayList<>(assessment.evidence());
        double probability = assessment.probability();

        if (probability < settings.inquiryThreshold()) {
            return new Decision(message, false, null, 1 - probability, List.of(), List.of(),
                    known == null ? null : known.idea(), evidence);
        }

        Idea idea = known != null && known.idea() != null ? known.idea() : null;
        double routing = idea != null ? 0.9 : routingConfidence(matches, InquirySignals.aboutStarterTask(subject, text.own()));
        if (idea == null && best != null && routing >= settings.ideaThreshold()) {
            idea = best.idea();
            evidence.add(1, new Evidence("matches-idea", 0, describe(best)));
        }
        threads.recordInquiry(thread, message, idea);
        List<IdeaMatch> alternatives = alternatives(matches, idea);
        double confidence = idea == null ? probability * (1 - routing / 2) : probability * routing;
        List<Contact> contacts = idea == null ? List.of() : contactsOf(idea);
        return new Decision(message, true, idea, confidence, contacts, alternatives, idea, evidence);
    }

    /**
     * How sure routing is that the best match is the idea meant: high when the message names much of
     * the title, in order, and the runner-up (a different idea, not the same one from another page) is
     * far behind. Questions about starter tasks (microprojects) share words with ideas without being
     * about them, so they need more.
     */
    double routingConfidence(List<IdeaMatch> matches, boolean starterTask) {
        if (matches.isEmpty()) return 0;
        IdeaMatch best = matches.get(0);
        double second = 0;
        for (IdeaMatch m : matches.subList(1, matches.size())) {
            if (!matcher.sameIdea(m.idea(), best.idea())) {
                second = m.score();
                break;
            }
        }
        double named = 0.5 * best.titleCoverage() + 0.5 * best.titlePhrase();
        double value = 0.2 + 0.6 * named + 1.5 * (best.score() - second) - (starterTask ? 0.3 : 0);
        return Math.max(0, Math.min(1, value));
    }

    private List<IdeaMatch> alternatives(List<IdeaMatch> matches, Idea chosen) {
        List<IdeaMatch> result = new ArrayList<>();
        for (IdeaMatch m : matches) {
            if (result.size() >= settings.alternatives()) break;
            if (chosen != null && m.idea().id().equals(chosen.id())) continue;
            result.add(m);
        }
        return result;
    }

    private static List<Contact> contactsOf(Idea idea) {
        List<Contact> people = new ArrayList<>(idea.mentors());
        idea.contacts().stream().filter(c -> c.role() == Contact.Role.LIST).forEach(people::add);
        return people;
    }

    /** Whether the sender is a contact of a loaded idea (by address, or by full name). */
    public boolean isMentor(MailMessage message) {
        if (message.from() == null) return false;
        if (message.from().email() != null && mentorKeys.contains(message.from().email())) return true;
        return message.from().name() != null && mentorKeys.contains(nameKey(message.from().name()));
    }

    private static String nameKey(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return "name:" + plain.replaceAll("[\"'()]", "").trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String describe(IdeaMatch m) {
        return String.format(Locale.ROOT, "\"%s\": title %.0f%% covered, %.0f%% in order, terms %s",
                m.idea().title(), 100 * m.titleCoverage(), 100 * m.titlePhrase(), m.matchedTerms());
    }
}
