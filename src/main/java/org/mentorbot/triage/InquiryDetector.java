package org.mentorbot.triage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.mentorbot.mail.MailMessage;
import org.mentorbot.mail.MessageText;
import org.mentorbot.mail.Subjects;

/**
 * Decides whether a message is a newcomer's inquiry: a logistic model over {@link Evidence}. Hard facts
 * about the message (it carries a patch, its sender is a listed mentor, it was sent by a machine) weigh
 * most; the language cues of {@link InquirySignals} decide the rest.
 */
final class InquiryDetector {

    /** What the detector saw: the probability of an inquiry and why. */
    record Assessment(double probability, List<Evidence> evidence) {
    }

    static final Evidence PRIOR = new Evidence("prior", -3.0, "most list mail is not an inquiry");
    static final Evidence NO_PROGRAMME = new Evidence("no-programme", -3.0, "no mention of a mentoring programme or ideas page");
    private static final int MAX_TEXT = 6000;
    private static final Pattern PATCH_SUBJECT = Pattern.compile("\\[[^\\]]*\\bPATCH\\b[^\\]]*\\]", Pattern.CASE_INSENSITIVE);
    private static final Pattern PROGRAMME_TAG = Pattern.compile(
            "\\[[^\\]]*(?:gsoc|outreachy|intern)[^\\]]*\\]|summer\\s+of\\s+code|\\bgsoc|\\bsoc[ -]?'?(?:20)?\\d\\d\\b|outreachy",
            Pattern.CASE_INSENSITIVE);

    /**
     * @param bestMatch      the best-fitting idea, or null when matching was not run or found nothing
     * @param senderIsMentor the sender is a contact of a loaded idea
     * @param askerFollowUp  the sender asked the inquiry of the thread this message is in
     * @param dismissedBefore a mentor dismissed an earlier message of this sender as no inquiry
     */
    Assessment assess(MailMessage message, MessageText text, IdeaMatch bestMatch, boolean senderIsMentor,
                      boolean askerFollowUp, boolean dismissedBefore) {
        String subject = message.subject() == null ? "" : message.subject();
        String own = text.own().length() > MAX_TEXT ? text.own().substring(0, MAX_TEXT) : text.own();
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(PRIOR);
        if (askerFollowUp) evidence.add(new Evidence("follow-up-by-asker", 3.5, "the sender asked this thread's inquiry"));

        boolean reply = isReply(message);
        boolean programmeInSubject = PROGRAMME_TAG.matcher(subject).find();
        InquirySignals.Programme inText = InquirySignals.programme(own);
        if (programmeInSubject) {
            // A reply inherits its subject from the thread: it says what the thread is about, less what this message is.
            evidence.add(new Evidence("programme-in-subject", reply ? 2.0 : 3.0, InquirySignals.quote(subject)));
        } else if (inText == InquirySignals.Programme.NAMED) {
            evidence.add(new Evidence("programme-mentioned", 2.0, "GSoC/Outreachy/microproject/ideas page"));
        } else if (inText == InquirySignals.Programme.MENTORING) {
            evidence.add(new Evidence("mentoring-mentioned", 1.0, "mentor/intern"));
        } else {
            evidence.add(NO_PROGRAMME);
        }

        if (text.hasPatch() || message.attachedPatch()) {
            evidence.add(new Evidence("patch", -6.0, "carries a diff"));
        } else if (PATCH_SUBJECT.matcher(subject).find()) {
            evidence.add(new Evidence("patch-thread", reply ? -1.0 : -5.0, InquirySignals.quote(subject)));
        }
        if (senderIsMentor) {
            evidence.add(new Evidence("sender-is-mentor", -5.0, message.from().display()));
        }
        if (dismissedBefore) {
            evidence.add(new Evidence("dismissed-before", -3.0, "a mentor said this sender's mail was no inquiry"));
        }
        if (isAutomated(message)) {
            evidence.add(new Evidence("automated", -8.0, "Auto-Submitted or Precedence: junk"));
        }
        evidence.add(reply
                ? new Evidence("reply", -0.5, "answers another message")
                : new Evidence("new-thread", 0.5, "starts a thread"));
        if (own.isBlank()) evidence.add(new Evidence("no-own-text", -3.0, "only quoted text"));

        evidence.addAll(InquirySignals.cues(subject, own));
        if (reply && !quotesItself(message, text.quoted()) && !quotesItself(message, own)) {
            Evidence answering = InquirySignals.answersAnApplicant(text.quoted());
            if (answering != null) evidence.add(answering);
        }
        if (bestMatch != null && bestMatch.titleCoverage() >= 0.7 && bestMatch.titlePhrase() >= 0.5) {
            evidence.add(new Evidence("names-an-idea", 1.5, InquirySignals.quote(bestMatch.idea().title())));
        }
        evidence.sort(Comparator.comparingDouble((Evidence e) -> -Math.abs(e.weight())));
        return new Assessment(probability(evidence), evidence);
    }

    static double probability(List<Evidence> evidence) {
        double logit = evidence.stream().mapToDouble(Evidence::weight).sum();
        return 1 / (1 + Math.exp(-logit));
    }

    private static final Pattern ATTRIBUTION_END = Pattern.compile(
            "(?:wrote|writes|schrieb|a\\s+écrit|escribió|scritto)\\s*:?\\s*$|>\\s*:\\s*$", Pattern.CASE_INSENSITIVE);

    /**
     * The quoted text is (also) the sender's own earlier words: an attribution line names the sender.
     * Attribution styles the normaliser does not know stay in the own text, so both are looked at.
     */
    private static boolean quotesItself(MailMessage message, String quoted) {
        if (message.from() == null || quoted.isEmpty()) return false;
        String email = message.from().email();
        String name = message.from().name();
        for (String line : quoted.split("\n")) {
            if (!ATTRIBUTION_END.matcher(line).find()) continue;
            if ((email != null && line.toLowerCase(java.util.Locale.ROOT).contains(email))
                    || (name != null && name.length() > 3 && line.contains(name))) {
                return true;
            }
        }
        return false;
    }

    static boolean isReply(MailMessage message) {
        return message.inReplyTo() != null
                || Subjects.isReply(message.subject());
    }

    private static boolean isAutomated(MailMessage message) {
        String auto = message.header("auto-submitted");
        if (auto != null && !auto.trim().equalsIgnoreCase("no")) return true;
        String precedence = message.header("precedence");
        return precedence != null && precedence.trim().equalsIgnoreCase("junk");
    }
}
