package org.mentorbot.triage;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.mentorbot.mail.MailMessage;
import org.mentorbot.mail.MessageText;
import org.mentorbot.mail.Subjects;

/**
 * What the inquiry model sees of a message: named evidence (programme mentions, the cues of
 * {@link InquirySignals}, patches, automated mail, the sender being a mentor), the message's place in its
 * thread, its sender's earlier mail, where its date falls in the programme's year, its shape, and the words
 * and word pairs of its subject and its author's own text. Training and triage call the same code, so the
 * model is applied to exactly what it learned from.
 *
 * <p>Only messages {@link #worthScoring worth scoring} get features: most list mail never mentions a
 * programme and is no inquiry, and the model is trained on the rest.
 */
final class InquiryFeatures {

    /** Mail text beyond this adds no evidence and only costs time (and invites pathological input). */
    static final int MAX_TEXT = 6000;
    private static final int MAX_WORDS = 1500;

    /**
     * What besides the message the features look at.
     *
     * @param bestMatch the best-fitting idea, or null
     * @param seasons   the years of the loaded ideas pages
     */
    record Context(ThreadContext.Place place, boolean senderIsMentor, boolean dismissedBefore, IdeaMatch bestMatch,
                   Set<Integer> seasons) {
    }

    private InquiryFeatures() {
    }

    /**
     * A message is scored when it mentions a mentoring programme (subject, own words or what it quotes), is
     * in a thread that carries an inquiry or was opened about a programme, or comes from someone who asked
     * before; everything else is no inquiry.
     */
    static boolean worthScoring(MailMessage m, MessageText text, ThreadContext.Place place) {
        if (place.inquiry() != null || place.sender().inquiries() > 0) return true;
        if (place.opening() != null && place.opening().programme()) return true;
        if (InquirySignals.programme(subject(m)) != InquirySignals.Programme.NONE) return true;
        if (InquirySignals.programme(clip(text.own())) != InquirySignals.Programme.NONE) return true;
        // What a reply quotes first is what it answers: the start of the quote is enough.
        String quoted = text.quoted();
        return InquirySignals.programme(quoted.length() > 2000 ? quoted.substring(0, 2000) : quoted) == InquirySignals.Programme.NAMED;
    }

    static List<Feature> extract(MailMessage m, MessageText text, Context c) {
        String subject = subject(m);
        String own = clip(text.own());
        String quoted = clip(text.quoted());
        boolean reply = isReply(m);
        List<Feature> f = new ArrayList<>();

        programme(f, subject, own, quoted);
        if (InquirySignals.aboutStarterTask(subject, own)) f.add(new Feature("starter-task", 1, "microproject or first task"));
        facts(f, m, text, subject, own, reply, c);
        f.addAll(InquirySignals.cues(subject, own));
        int quotedSender = reply ? senderAttributionDepth(m) : -1;
        if (quotedSender == 0) f.add(new Feature("quotes-own-words", 1, "quotes the sender's own earlier mail"));
        if (quotedSender > 0) f.add(new Feature("quotes-an-answer-to-sender", 1, "quotes a mail that quoted the sender: a reply to an answer"));
        if (reply && quotedSender < 0 && !quotesItself(m, quoted) && !quotesItself(m, own)) {
            Feature answering = InquirySignals.answersAnApplicant(quoted);
            if (answering != null) f.add(answering);
        }
        if (reply && greetsSender(m, quoted)) f.add(new Feature("answers-an-answer-to-sender", 1, "the quoted mail greets the sender by name"));
        idea(f, c.bestMatch());
        thread(f, m, reply, c.place());
        sender(f, c.place().sender());
        roles(f, reply, c.place(), ThreadContext.person(m.from()));
        ThreadContext.Opening opening = c.place().opening();
        if (reply && opening != null && opening.at() != null && m.date() != null
                && m.date().isAfter(opening.at().plus(java.time.Duration.ofDays(21)))) {
            f.add(new Feature("thread-weeks-old", 1, "the thread was opened more than three weeks before"));
        }
        season(f, m, c.seasons());
        shape(f, own, quoted);
        words(f, "s:", c.place().subjectKey(), 40);
        words(f, "w:", own, MAX_WORDS);
        return f;
    }

    private static void programme(List<Feature> f, String subject, String own, String quoted) {
        InquirySignals.Programme inSubject = InquirySignals.programme(subject);
        InquirySignals.Programme inOwn = InquirySignals.programme(own);
        if (inSubject == InquirySignals.Programme.NAMED) f.add(new Feature("programme-in-subject", 1, InquirySignals.quote(subject)));
        if (inOwn == InquirySignals.Programme.NAMED) {
            f.add(new Feature("programme-named", 1, "GSoC/Outreachy/microproject/ideas page"));
        } else if (inOwn == InquirySignals.Programme.MENTORING) {
            f.add(new Feature("programme-mentoring-words", 1, "mentor/intern"));
        } else if (inSubject == InquirySignals.Programme.NONE && InquirySignals.programme(quoted) != InquirySignals.Programme.NONE) {
            f.add(new Feature("programme-only-quoted", 1, "only the quoted text names a programme"));
        }
    }

    private static final Pattern PATCH_SUBJECT = Pattern.compile("\\[[^\\]\\n]{0,200}\\bPATCH\\b[^\\]\\n]{0,200}\\]",
            Pattern.CASE_INSENSITIVE);

    private static void facts(List<Feature> f, MailMessage m, MessageText text, String subject, String own,
                              boolean reply, Context c) {
        if (text.hasPatch() || m.attachedPatch()) {
            f.add(new Feature("patch", 1, "carries a diff"));
        } else if (PATCH_SUBJECT.matcher(subject).find()) {
            f.add(new Feature(reply ? "patch-thread-reply" : "patch-subject", 1, InquirySignals.quote(subject)));
        }
        if (c.senderIsMentor()) f.add(new Feature("sender-is-mentor", 1, m.from().display()));
        if (c.dismissedBefore()) f.add(new Feature("dismissed-before", 1, "a mentor said this sender's mail was no inquiry"));
        if (isAutomated(m)) f.add(new Feature("automated", 1, "Auto-Submitted or Precedence: junk"));
        f.add(reply ? new Feature("reply", 1, "answers another message") : new Feature("new-thread", 1, "starts a thread"));
        if (own.isBlank()) f.add(new Feature("no-own-text", 1, "only quoted text"));
    }

    private static void idea(List<Feature> f, IdeaMatch best) {
        if (best == null) return;
        if (best.titleCoverage() >= 0.7 && best.titlePhrase() >= 0.5) {
            f.add(new Feature("names-an-idea", 1, InquirySignals.quote(best.idea().title())));
        }
        if (best.titleCoverage() > 0) {
            f.add(new Feature("idea-title-coverage", best.titleCoverage(),
                    String.format(Locale.ROOT, "%.0f%% of \"%s\"", 100 * best.titleCoverage(), best.idea().title())));
        }
    }

    private static void thread(List<Feature> f, MailMessage m, boolean reply, ThreadContext.Place place) {
        String sender = ThreadContext.person(m.from());
        if (place.inquiry() != null) {
            boolean own = place.inquiry().asker().equals(sender);
            f.add(own ? new Feature("thread-inquiry-by-sender", 1, "the sender asked this thread's inquiry")
                    : new Feature("thread-inquiry-by-other", 1, "the thread's inquiry was asked by " + place.inquiry().asker()));
        }
        if (reply && !place.parentSeen()) f.add(new Feature("reply-parent-unseen", 1, "answers a message not seen"));
        int depth = m.references().size();
        if (depth == 1) f.add(new Feature("thread-depth-1", 1, "answers a thread's first message"));
        else if (depth >= 2 && depth <= 3) f.add(new Feature("thread-depth-2-3", 1, depth + " messages up the thread"));
        else if (depth >= 4) f.add(new Feature("thread-depth-4+", 1, depth + " messages up the thread"));
    }

    private static final Set<String> APPLICANT_VOICE = Set.of("applicant-self", "wants-to-take-part", "interest", "proposal",
            "asks-advice", "speaks-of-self");
    private static final Set<String> OTHER_VOICES = Set.of("mentor-voice", "organiser-voice", "accepted-student", "announcement",
            "report-voice",
            "addresses-someone", "answers-an-applicant");

    /**
     * Who is speaking, from the cues together and the message's place: a newcomer opening a thread about the
     * programme, the asker writing again, or someone answering in another person's thread.
     */
    private static void roles(List<Feature> f, boolean reply, ThreadContext.Place place, String sender) {
        int applicant = 0;
        int others = 0;
        boolean programme = false;
        for (Feature x : f) {
            if (APPLICANT_VOICE.contains(x.name())) applicant++;
            if (OTHER_VOICES.contains(x.name())) others++;
            if (x.name().equals("programme-in-subject") || x.name().equals("programme-named")) programme = true;
        }
        if (applicant > 0) f.add(new Feature("applicant-voice", Math.min(1, applicant / 3.0), applicant + " applicant cues"));
        if (others > 0) f.add(new Feature("other-voices", Math.min(1, others / 2.0), others + " cues of mentors, organisers or students"));
        boolean asker = place.inquiry() != null && place.inquiry().asker().equals(sender);
        if (!reply && programme && applicant >= 2 && others == 0) {
            f.add(new Feature("applicant-opens-programme-thread", 1, "starts a thread about the programme in an applicant's voice"));
        }
        if (reply && applicant >= 2 && others == 0) f.add(new Feature("applicant-replies", 1, "replies in an applicant's voice"));
        if (!reply && programme && place.sender().messages() == 0) {
            f.add(new Feature("newcomer-opens-programme-thread", 1, "a first message that starts a thread about the programme"));
        } else if (!reply && programme) {
            f.add(new Feature("opens-programme-thread", 1, "starts a thread about the programme"));
        }
        ThreadContext.Opening opening = place.opening();
        if (reply && !asker && opening != null && !opening.starter().equals(sender)) {
            f.add(new Feature("answers-someone-else", 1, "a reply in a thread someone else opened"));
        }
        ThreadContext.Parent parent = place.parent();
        if (reply && parent != null && !parent.sender().equals(sender)) {
            f.add(parent.answer() ? new Feature("replies-to-an-answer", 1, "answers a message that answered an applicant")
                    : new Feature("replies-to-someone", 1, "answers someone else's message"));
        }
        if (reply && opening != null) {
            boolean own = opening.starter().equals(sender);
            if (own && opening.programme()) f.add(new Feature("in-own-programme-thread", 1, "replies in the programme thread it opened"));
            else if (own) f.add(new Feature("in-own-thread", 1, "replies in a thread it opened"));
            else if (opening.programme()) f.add(new Feature("in-others-programme-thread", 1, "replies in someone else's programme thread"));
        }
    }

    private static void sender(List<Feature> f, ThreadContext.SenderHistory h) {
        if (h.messages() == 0) f.add(new Feature("sender-first-message", 1, "no earlier mail from this sender"));
        else if (h.messages() >= 5) f.add(new Feature("sender-regular", 1, h.messages() + " earlier messages"));
        if (h.inquiries() > 0) f.add(new Feature("sender-asked-before", 1, h.inquiries() + " earlier inquiries"));
        if (h.reports() > 0) f.add(new Feature("sender-reported-before", 1, h.reports() + " earlier reports"));
        if (h.patches() > 0) f.add(new Feature("sender-patched-before", 1, h.patches() + " earlier patches"));
    }

    /**
     * Applicants write before the application deadline (February to April for Summer of Code), accepted
     * students report through the coding period; a page for the message's own year says the programme runs.
     */
    private static void season(List<Feature> f, MailMessage m, Set<Integer> seasons) {
        if (m.date() == null) return;
        ZonedDateTime at = m.date().atZone(ZoneOffset.UTC);
        int month = at.getMonthValue();
        String part = month >= 2 && month <= 4 ? "feb-apr" : month == 5 ? "may" : month >= 6 && month <= 8 ? "jun-aug" : "sep-jan";
        f.add(new Feature("month-" + part, 1, at.getMonth().toString().toLowerCase(Locale.ROOT)));
        if (!seasons.isEmpty()) {
            f.add(seasons.contains(at.getYear()) ? new Feature("season-page", 1, "an ideas page for " + at.getYear() + " is loaded")
                    : new Feature("no-season-page", 1, "no ideas page for " + at.getYear()));
        }
    }

    private static final Pattern QUESTION = Pattern.compile("\\?(?:\\s|$)");
    private static final Pattern IDEAS_LINK = Pattern.compile(
            "https?://\\S*(?:idea|soc|summer|outreachy|project|wiki)\\S*", Pattern.CASE_INSENSITIVE);
    private static final Pattern GREETING = Pattern.compile("^\\s*(?:hi|hello|hey|dear|greetings|good\\s+(?:morning|evening|afternoon))\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern THANKS = Pattern.compile("\\bthank", Pattern.CASE_INSENSITIVE);
    private static final Pattern FIRST_PERSON = Pattern.compile("\\b(?:i|i'm|i've|i'd|i'll|me|my|mine)\\b",
            Pattern.CASE_INSENSITIVE);

    private static void shape(List<Feature> f, String own, String quoted) {
        int questions = InquirySignals.count(QUESTION, own);
        if (questions == 1) f.add(new Feature("one-question", 1, "1 question mark"));
        else if (questions >= 2) f.add(new Feature("questions", 1, questions + " question marks"));
        int words = own.isBlank() ? 0 : own.trim().split("\\s+").length;
        if (words > 0 && words < 40) f.add(new Feature("short", 1, words + " words"));
        else if (words > 300) f.add(new Feature("long", 1, words + " words"));
        if (words >= 20 && InquirySignals.count(FIRST_PERSON, own) >= 0.04 * words) {
            f.add(new Feature("first-person", 1, "writes about themselves"));
        }
        if (quoted.length() > 2 * own.length() && !quoted.isEmpty()) f.add(new Feature("mostly-quoted", 1, "quotes more than it says"));
        if (IDEAS_LINK.matcher(own).find()) f.add(new Feature("links-ideas-page", 1, "links an ideas or project page"));
        if (GREETING.matcher(own).find()) f.add(new Feature("greeting", 1, "opens with a greeting"));
        if (THANKS.matcher(own).find()) f.add(new Feature("thanks", 1, "thanks someone"));
    }

    /**
     * Words and adjacent word pairs, lower-cased, letters only, each once. Projects' own vocabulary is kept
     * out by training, which keeps only features seen in several projects.
     */
    private static void words(List<Feature> f, String prefix, String text, int max) {
        List<String> tokens = tokens(text, max);
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            names.add(prefix + tokens.get(i));
            if (i + 1 < tokens.size()) names.add(prefix + tokens.get(i) + '_' + tokens.get(i + 1));
        }
        for (String name : names) f.add(new Feature(name, 1, "word"));
    }

    /**
     * Function words every kind of mail is full of: they only measure length, which says more about a list's
     * habits than about who is writing. Pronouns stay: "I", "my" and "you" are the voice.
     */
    private static final Set<String> FUNCTION_WORDS = Set.of("the", "of", "and", "to", "an", "in", "is", "it", "that",
            "for", "on", "with", "as", "be", "this", "are", "at", "by", "or", "not", "from", "was", "but", "if", "so",
            "do", "does", "can", "will", "would", "there", "which", "what", "has", "have", "had", "been", "than",
            "then", "these", "those", "its", "into", "about", "also", "just", "some", "such", "more", "only", "other",
            "when", "how", "all", "any", "each", "no", "one", "up", "out", "now", "we", "they", "he", "she", "them");

    static List<String> tokens(String text, int max) {
        List<String> tokens = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n && tokens.size() < max) {
            while (i < n && !Character.isLetter(text.charAt(i))) i++;
            int start = i;
            while (i < n && Character.isLetter(text.charAt(i))) i++;
            int length = i - start;
            if (length >= 2 && length <= 20) {
                String token = text.substring(start, i).toLowerCase(Locale.ROOT);
                if (!FUNCTION_WORDS.contains(token)) tokens.add(token);
            }
        }
        return tokens;
    }

    private static final Pattern ATTRIBUTION = Pattern.compile(
            "(?:wrote|writes|schrieb|a\\s+écrit|escribió|scritto|said)\\s*:?\\s*$", Pattern.CASE_INSENSITIVE);

    /**
     * How deep in the quotes an attribution line names the sender: 0 when the sender quotes their own mail,
     * 1 or more when what the sender quotes quoted the sender (someone answered them and they answer back),
     * -1 when no attribution names the sender. Attribution lines are read from the body before the own text
     * is split off, since that split drops them.
     */
    static int senderAttributionDepth(MailMessage m) {
        if (m.from() == null || m.from().email() == null) return -1;
        String email = m.from().email().toLowerCase(Locale.ROOT);
        String body = m.body();
        int depth = -1;
        int lines = 0;
        int at = 0;
        while (at < body.length() && lines++ < 400) {
            int end = body.indexOf('\n', at);
            if (end < 0) end = body.length();
            if (end - at <= 300) {
                String line = body.substring(at, end);
                int quotes = 0;
                int i = 0;
                while (i < line.length() && (line.charAt(i) == '>' || line.charAt(i) == ' ')) {
                    if (line.charAt(i) == '>') quotes++;
                    i++;
                }
                if (ATTRIBUTION.matcher(line).find() && line.toLowerCase(Locale.ROOT).contains(email)) {
                    if (quotes > 0) return quotes; // an answer to the sender, quoted: the strongest sign
                    depth = 0;
                }
            }
            at = end + 1;
        }
        return depth;
    }

    private static final Pattern FIRST_NAME = Pattern.compile("^\\p{L}{3,}");

    /** The quoted mail opens by greeting the sender by their first name: it was written to them. */
    private static boolean greetsSender(MailMessage message, String quoted) {
        if (message.from() == null || message.from().name() == null || quoted.isEmpty()) return false;
        java.util.regex.Matcher name = FIRST_NAME.matcher(message.from().name().replace("\"", "").strip());
        if (!name.find()) return false;
        String start = quoted.length() > 400 ? quoted.substring(0, 400) : quoted;
        return Pattern.compile("\\b(?:hi|hello|hey|dear|thanks?|thank\\s+you)[ ,]+" + Pattern.quote(name.group()) + "\\b",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(start).find();
    }

    static boolean isReply(MailMessage message) {
        return message.inReplyTo() != null || Subjects.isReply(message.subject());
    }

    static boolean isAutomated(MailMessage message) {
        String auto = message.header("auto-submitted");
        if (auto != null && !auto.trim().equalsIgnoreCase("no")) return true;
        String precedence = message.header("precedence");
        return precedence != null && precedence.trim().equalsIgnoreCase("junk");
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
        for (String line : quoted.split("\n", 200)) {
            if (line.length() > 300 || !ATTRIBUTION_END.matcher(line).find()) continue;
            if ((email != null && line.toLowerCase(Locale.ROOT).contains(email))
                    || (name != null && name.length() > 3 && line.contains(name))) {
                return true;
            }
        }
        return false;
    }

    private static String subject(MailMessage m) {
        String s = m.subject() == null ? "" : m.subject();
        return s.length() > 1000 ? s.substring(0, 1000) : s;
    }

    private static String clip(String text) {
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }
}
