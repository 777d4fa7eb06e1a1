package org.mentorbot.triage;

import java.text.Normalizer;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mentorbot.catalog.Catalog;
import org.mentorbot.catalog.Contact;
import org.mentorbot.catalog.Idea;
import org.mentorbot.mail.MailMessage;
import org.mentorbot.mail.MessageText;
import org.mentorbot.mail.Subjects;
import org.mentorbot.mail.TextNormalizer;

/**
 * The triage facade: one message in, one {@link Decision} out, in three steps.
 * <ol>
 *   <li>Is it worth scoring? Mail that names no mentoring programme, in a thread without an inquiry, from
 *       someone who never asked, is no inquiry: nearly all list traffic ends here, cheaply.</li>
 *   <li>Is it an inquiry? The learned {@link InquiryModel} scores its {@link InquiryFeatures}.</li>
 *   <li>Which idea? The asker's follow-ups keep their thread's idea; otherwise {@link IdeaMatcher} ranks
 *       the ideas, and below the routing threshold triage abstains (a general inquiry).</li>
 * </ol>
 * Messages must be given in the order they were sent (or stored) so that threads are followed; an instance
 * is not thread-safe.
 */
public final class Triage {

    private static final Evidence NOT_SCORED = new Evidence("not-scored", 0,
            "no mention of a mentoring programme, no inquiry in its thread, a sender who never asked");
    private static final double NOT_SCORED_CONFIDENCE = 0.99;

    private final List<Catalog> catalogs;
    private final TriageSettings settings;
    private final InquiryModel model;
    private final ThreadContext context;
    private final Set<Integer> seasons = new HashSet<>();
    /** Mentors' addresses and full names, with the first season they mentor in (0 for pages without one). */
    private final Map<String, Integer> mentorSince = new HashMap<>();
    private IdeaMatcher matcher;
    private Set<String> notInquirers = Set.of();

    public Triage(List<Catalog> catalogs, TriageSettings settings, InquiryModel model) {
        this(catalogs, settings, model, new ThreadContext());
    }

    /** @param context what is known of earlier mail (the bot seeds it from its ledger) */
    public Triage(List<Catalog> catalogs, TriageSettings settings, InquiryModel model, ThreadContext context) {
        this.catalogs = List.copyOf(catalogs);
        this.settings = settings;
        this.model = model;
        this.context = context;
        this.matcher = new IdeaMatcher(new IdeaIndex(catalogs));
        for (Catalog catalog : catalogs) {
            for (Idea idea : catalog.ideas()) {
                if (idea.season() != null) seasons.add(idea.season());
                int season = idea.season() == null ? 0 : idea.season();
                for (Contact c : idea.mentors()) {
                    if (c.email() != null) mentorSince.merge(c.email().toLowerCase(Locale.ROOT), season, Math::min);
                    if (c.name() != null && c.name().contains(" ")) mentorSince.merge(nameKey(c.name()), season, Math::min);
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
        Map<String, String> joined = new HashMap<>();
        examples.forEach((id, texts) -> joined.put(id, String.join("\n", texts)));
        this.matcher = new IdeaMatcher(new IdeaIndex(catalogs, joined));
        Set<String> lower = new HashSet<>();
        for (String a : notInquirers) lower.add(a.toLowerCase(Locale.ROOT));
        this.notInquirers = lower;
    }

    /** The idea with this id in any of the catalogs. */
    public Optional<Idea> idea(String id) {
        for (Catalog catalog : catalogs) {
            for (Idea idea : catalog.ideas()) {
                if (idea.id().equals(id)) return Optional.of(idea);
            }
        }
        return Optional.empty();
    }

    /** The thread a message already triaged belongs to (the Message-ID of its first message), or null. */
    public String threadOf(String messageId) {
        return context.threadOf(messageId);
    }

    public Decision triage(MailMessage message) {
        return triage(message, TextNormalizer.normalize(message.body()));
    }

    public Decision triage(MailMessage message, MessageText text) {
        ThreadContext.Place place = context.place(message);
        if (!InquiryFeatures.worthScoring(message, text, place)) {
            ThreadContext.Traits traits = traits(message, text, false, List.of());
            context.record(message, place, traits, null);
            return new Decision(message, false, null, NOT_SCORED_CONFIDENCE, List.of(), List.of(), null, List.of(NOT_SCORED), traits);
        }
        Scored scored = score(message, text, place);
        List<Evidence> rules = rules(scored.features());
        List<Evidence> evidence = new ArrayList<>(model.explain(scored.features()));
        evidence.addAll(0, rules);
        double probability = probability(model, scored.features(), rules);
        Idea threadIdea = place.inquiry() == null ? null : place.inquiry().idea();
        boolean inquiry = probability >= settings.inquiryThreshold();
        if (!inquiry) {
            // Not sure enough to tell a mentor, but the thread may still be the applicant's: their follow-ups say.
            ThreadContext.Traits traits = traits(message, text, probability >= settings.threadThreshold(), scored.features());
            context.record(message, place, traits, null);
            return new Decision(message, false, null, 1 - probability, List.of(), List.of(), threadIdea, evidence, traits);
        }

        boolean askerAgain = place.inquiry() != null && place.inquiry().asker().equals(ThreadContext.person(message.from()));
        Idea idea = askerAgain ? place.inquiry().idea() : null;
        double routing = idea != null ? 0.9 : routingConfidence(scored.matches(), InquirySignals.aboutStarterTask(
                subject(message), text.own()));
        if (idea == null && !scored.matches().isEmpty() && routing >= settings.ideaThreshold()
                && current(scored.matches().get(0).idea(), message)) {
            idea = scored.matches().get(0).idea();
            evidence.add(0, new Evidence("matches-idea", 0, describe(scored.matches().get(0))));
        }
        ThreadContext.Traits traits = traits(message, text, true, scored.features());
        context.record(message, place, traits, idea);
        double confidence = idea == null ? probability * (1 - routing / 2) : probability * routing;
        List<Contact> contacts = idea == null ? List.of() : contactsOf(idea);
        return new Decision(message, true, idea, confidence, contacts, alternatives(scored.matches(), idea), idea, evidence,
                traits);
    }

    /**
     * For training: the features of a message as triage would see them, or empty when it is not worth
     * scoring. Then the message is remembered for the messages after it: as what its label says, or, with a
     * {@code contextModel}, as what that model decides (an inquiry about its labelled idea, if at all), so
     * that the thread and sender features learned from are as reliable as they will be in use.
     *
     * @param contextModel null to remember the label itself
     */
    Optional<List<Feature>> featuresForTraining(MailMessage message, MessageText text, boolean labelledInquiry,
                                                String ideaTitle, InquiryModel contextModel) {
        ThreadContext.Place place = context.place(message);
        List<Feature> features = List.of();
        boolean worth = InquiryFeatures.worthScoring(message, text, place);
        if (worth) features = score(message, text, place).features();
        boolean inquiry = contextModel == null ? labelledInquiry
                : worth && probability(contextModel, features, rules(features)) >= settings.threadThreshold();
        Idea idea = null;
        if (inquiry && labelledInquiry && ideaTitle != null) {
            idea = catalogs.stream().flatMap(c -> c.ideas().stream()).filter(i -> i.title().equals(ideaTitle)).findFirst().orElse(null);
        }
        context.record(message, place, traits(message, text, inquiry, features), idea);
        return worth ? Optional.of(features) : Optional.empty();
    }

    private record Scored(List<Feature> features, List<IdeaMatch> matches) {
    }

    /**
     * Facts that settle a decision whatever the words, added to the model's log-odds: machines do not ask, a
     * diff is never answered (no inquiry of the corpus carries one), a listed mentor is no applicant, a sender
     * a mentor dismissed before weighs against being one, and the asker writing again in their inquiry's
     * thread (no patch, within three weeks) is still asking. Most of the
     * corpus's projects have no ideas page and no corrections, and its threads are partial, so the model could
     * not learn these itself.
     */
    private static List<Evidence> rules(List<Feature> features) {
        List<Evidence> rules = new ArrayList<>();
        if (has(features, "thread-inquiry-by-sender") && !has(features, "patch") && !has(features, "thread-weeks-old")) {
            rules.add(new Evidence("asker-again", 2, "the asker writes again in their inquiry's thread"));
        }
        for (Feature f : features) {
            switch (f.name()) {
                case "automated" -> rules.add(new Evidence("automated", -20, f.detail() + ": never an inquiry"));
                case "patch" -> rules.add(new Evidence("patch", -20, f.detail() + ": never an inquiry"));
                case "sender-is-mentor" -> rules.add(new Evidence("sender-is-mentor", -20, f.detail() + " is a listed mentor"));
                case "dismissed-before" -> rules.add(new Evidence("dismissed-before", -3, f.detail()));
                default -> { }
            }
        }
        return rules;
    }

    private static double probability(InquiryModel model, List<Feature> features, List<Evidence> rules) {
        return model.probability(features, rules.stream().mapToDouble(Evidence::weight).sum());
    }

    private Scored score(MailMessage message, MessageText text, ThreadContext.Place place) {
        Integer year = message.date() == null ? null : message.date().atZone(ZoneOffset.UTC).getYear();
        String own = text.own().length() > InquiryFeatures.MAX_TEXT ? text.own().substring(0, InquiryFeatures.MAX_TEXT) : text.own();
        List<IdeaMatch> matches = matcher.match(new IdeaMatcher.Query(
                TextAnalysis.terms(Subjects.key(subject(message))), TextAnalysis.terms(own), year));
        boolean dismissedBefore = message.from() != null && message.from().email() != null
                && notInquirers.contains(message.from().email().toLowerCase(Locale.ROOT));
        InquiryFeatures.Context c = new InquiryFeatures.Context(place, isMentor(message), dismissedBefore,
                matches.isEmpty() ? null : matches.get(0), seasons);
        return new Scored(InquiryFeatures.extract(message, text, c), matches);
    }

    private static ThreadContext.Traits traits(MailMessage message, MessageText text, boolean inquiry, List<Feature> features) {
        boolean programme = has(features, "programme-in-subject") || has(features, "programme-named");
        boolean answer = has(features, "answers-an-applicant") || has(features, "mentor-voice") || has(features, "addresses-someone");
        return new ThreadContext.Traits(inquiry, has(features, "accepted-student"), text.hasPatch() || message.attachedPatch(),
                programme, answer);
    }

    private static boolean has(List<Feature> features, String name) {
        for (Feature f : features) if (f.name().equals(name)) return true;
        return false;
    }

    /**
     * Whether an inquiry may be routed to an idea. When pages of the message's season (its year, or the year
     * before or after) are loaded, only their ideas and those of pages without a year: an idea from a page
     * several years older is no offer the applicant could take up, and naming it would send them to a mentor
     * who has moved on; then triage abstains. When no page is that close, the operator keeps old pages on
     * purpose and every idea counts.
     */
    private boolean current(Idea idea, MailMessage message) {
        if (message.date() == null || idea.season() == null) return true;
        int year = message.date().atZone(ZoneOffset.UTC).getYear();
        boolean seasonLoaded = seasons.contains(year) || seasons.contains(year - 1) || seasons.contains(year + 1);
        return !seasonLoaded || Math.abs(idea.season() - year) <= 1;
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

    /**
     * Whether the sender is a contact of a loaded idea (by address, or by full name) of the message's season
     * or an earlier one: students of one year become the mentors of later years, and must not be taken for
     * mentors in the year they applied.
     */
    public boolean isMentor(MailMessage message) {
        if (message.from() == null) return false;
        Integer year = message.date() == null ? null : message.date().atZone(ZoneOffset.UTC).getYear();
        // A page may name a mentor by address and another by name only: the earliest season of either counts.
        int since = Integer.MAX_VALUE;
        if (message.from().email() != null) since = mentorSince.getOrDefault(message.from().email().toLowerCase(Locale.ROOT), since);
        if (message.from().name() != null) since = Math.min(since, mentorSince.getOrDefault(nameKey(message.from().name()), since));
        return since != Integer.MAX_VALUE && (year == null || since <= year);
    }

    private static String subject(MailMessage message) {
        return message.subject() == null ? "" : message.subject();
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
