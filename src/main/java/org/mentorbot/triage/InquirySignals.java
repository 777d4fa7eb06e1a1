package org.mentorbot.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The language cues that tell a newcomer's question about a programme from everything else on a busy
 * developer list: named features of {@link InquiryFeatures}, whose weights the trained model sets. The cues
 * are about roles (applicant, mentor, organiser, accepted student, patch author), never about particular
 * projects, senders or lists, so that they carry over to lists we have not seen.
 */
final class InquirySignals {

    /** A cue: a pattern and where it is looked for. */
    private record Cue(String name, Pattern pattern, boolean inSubject, boolean inBody) {
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /**
     * Mentions of a mentoring programme: the context without which nothing is an inquiry. This runs on
     * every message, so each form is tried only around the places where a case-blind search finds its
     * anchor word, never on the whole text. A bare "SoC" is a system-on-chip on kernel lists: only "GSoC" and
     * "SoC 2014"-style forms count.
     */
    private static final Map<String, Pattern> PROGRAMME = Map.of(
            "soc", Pattern.compile("\\bgsoc|\\bsoc[ -]?'?(?:20)?\\d\\d\\b", FLAGS),
            "summer", Pattern.compile("summer\\s+of\\s+code", FLAGS),
            "outreachy", Pattern.compile("outreachy", FLAGS),
            "season", Pattern.compile("season\\s+of\\s+docs", FLAGS),
            "gsod", Pattern.compile("\\bgsod\\b", FLAGS),
            "micro", Pattern.compile("\\bmicro-?projects?\\b", FLAGS),
            "idea", Pattern.compile("\\b(?:project\\s+)?ideas?\\s+(?:page|list)|\\blist\\s+of\\s+(?:project\\s+)?ideas", FLAGS),
            "project", Pattern.compile("\\bproject\\s+list", FLAGS));

    /** Words that go with mentoring programmes but also with jobs and code review: weaker evidence. */
    private static final Map<String, Pattern> MENTORING = Map.of(
            "intern", Pattern.compile("\\binternships?\\b|\\bintern\\b", FLAGS),
            "mentor", Pattern.compile("\\bmentor(?:s|ed|ing|ship)?\\b", FLAGS),
            "coding", Pattern.compile("\\bcoding\\s+period", FLAGS));

    private static final List<Cue> CUES = List.of(
            // -- the applicant speaking
            body("applicant-self", "\\bi\\s*(?:'m|am)\\s+(?:an?\\s+|the\\s+)?(?:[\\w-]+\\s+){0,4}?(?:student|undergrad\\w*|graduate|applicant|newcomer|beginner|learner)\\b"
                    + "|\\bmy\\s+name\\s+is\\b|\\bi\\s+am\\s+from\\b|\\bstudying\\s+(?:at|for|in)\\b|\\b(?:pursuing|majoring)\\b"),
            body("wants-to-take-part", "\\b(?:participat\\w+|take\\s+part|apply(?:ing)?|applied|contribut\\w+)\\s+(?:in|to|for|as|through|via|with)\\b"
                    + "|\\b(?:looking|planning|hoping|want|would\\s+like|'d\\s+like)\\s+to\\s+(?:participate|apply|contribute|work\\s+on|take\\s+part|start|propose|submit)\\b"),
            body("interest", "\\b(?:i\\s*(?:'m|am)\\s+(?:very\\s+|really\\s+|particularly\\s+|mostly\\s+|primarily\\s+)?interested\\s+in|i\\s+(?:would|'d)\\s+like\\s+to|\\b(?:i|we)\\s+(?:\\w+\\s+)?(?:got|get|became)\\s+interested\\s+in)"),
            both("proposal", "\\b(?:my|a|first|the)\\s+(?:\\w+\\s+)?(?:proposal|application)\\b|\\bproposal\\s+draft|\\bdraft\\s+(?:of\\s+)?(?:my\\s+)?(?:proposal|application)|\\bproposal\\s*:"),
            both("asks-advice", "\\b(?:any|your)\\s+(?:feedback|suggestions?|comments?|advice|thoughts|guidance|pointers)\\b|\\b(?:point|direct|guide)\\s+me\\b"
                    + "|\\b(?:where|how)\\s+(?:can|should|do|could)\\s+i\\s+(?:start|begin|get\\s+started|find)|\\bcan\\s+(?:i|you)\\b|\\bcould\\s+you\\b|\\bplease\\s+let\\s+me\\s+know"),
            body("question", "\\?(?:\\s|$)"),
            body("idea-reference", "\\b(?:ideas?\\s+page|project\\s+(?:list|ideas?|page)|(?:listed|posted|described)\\s+(?:on|in)\\s+(?:the|your)|the\\s+\\w+\\s+(?:project|idea)\\b)"),

            // -- someone else speaking: mentors, organisers, accepted students, reviewers
            body("mentor-voice", "\\b(?:happy|glad|willing|able|ok|okay)\\s+to\\s+(?:co[- ]?)?mentor|\\bi\\s+(?:can|could|will|would)\\s+(?:co[- ]?)?mentor|\\bas\\s+(?:a|the|your)\\s+(?:co[- ]?)?mentor"
                    + "|\\b(?:your|the\\s+student'?s?)\\s+(?:proposal|application|microproject|draft|timeline)\\b|\\bi\\s+(?:would|'d)\\s+(?:recommend|suggest|advise)\\b"
                    + "|\\bstudents\\s+(?:should|must|are|can|who)\\b"),
            body("organiser-voice", "\\baccepted\\s+as\\s+a\\s+mentor(?:ing)?\\s+org|\\bmentor(?:ing)?\\s+organi[sz]ation|\\bcall\\s+for\\s+(?:mentors|projects|ideas)|\\borg(?:anization)?\\s+admins?\\b"
                    + "|\\b(?:is|are)\\s+(?:now\\s+)?over\\b|\\bwe\\s+(?:are|will\\s+be|have\\s+been)\\s+(?:participating|accepted|selected)|\\bapplication\\s+(?:period\\s+)?(?:is\\s+)?(?:open|launched)|\\bprogram\\s+is\\s+launched|\\bslots?\\b"),
            both("accepted-student", "\\b(?:has|have|was|were|been|got|get)\\s+(?:been\\s+)?(?:selected|accepted)\\s+(?:for|in|into|to|as|by)\\b|\\bmy\\s+(?:project|proposal|application)\\b[^.\\n]{0,80}\\b(?:selected|accepted)\\b|\\bproject\\s+selected\\b|\\b(?:accept|select)(?:ed|ing)\\s+(?:my|our)\\s+(?:proposal|application|project)\\b|\\bi\\s*(?:'m|am)\\s+an?\\s+(?:\\w+\\s+){0,2}(?:intern|mentee)\\b|\\bmy\\s+blog|\\bblog\\s+post|\\b(?:weekly|bi-?weekly|status|progress)\\s+(?:report|update)"
                    + "|\\bweek\\s*#?\\d+\\b|\\bcommunity\\s+bonding|\\b(?:first|second|final)\\s+evaluation|\\bunder\\s+the\\s+guidance\\s+of|\\bwith\\s+[\\w .-]{1,60}\\s+as\\s+(?:my\\s+)?mentors?\\b"
                    + "|\\bi(?:\\s+will|'ll)\\s+be\\s+working\\s+on\\b|\\bmy\\s+mentors?\\s+(?:is|are|will)\\b|\\bone\\s+of\\s+(?:the|this\\s+year'?s)\\s+(?:\\w+\\s+)?(?:students|interns)\\b"
                    + "|\\b(?:this|over\\s+the)\\s+summer,?\\s+i(?:\\s+will|'ll|\\s+am\\s+going\\s+to)\\b"),
            body("report-voice", "\\b(?:this|last|next|past)\\s+week\\b|\\bi\\s*(?:have|'ve)\\s+(?:now\\s+|also\\s+)?(?:implemented|finished|completed|added|fixed|written|been\\s+working)\\b"
                    + "|\\b(?:done|achieved|accomplished)\\s+so\\s+far\\b|\\bi\\s+(?:worked|spent)\\s+(?:on|the|most)\\b|\\bnext\\s+steps?\\b|\\bmilestones?\\b"),
            subject("announcement", "\\[(?:ANNOUNCE|ANN)\\]|\\bwhat'?s\\s+cooking\\b|\\bis\\s+over\\b|\\baccepted\\b|\\bselected\\b|\\bresults?\\b|\\bdeadline\\b|\\breport\\b|\\bweek\\s*\\d+|\\bblog\\b|\\bsummary\\b"));

    /** Starter tasks that applicants do before proposing (microprojects, first issues). */
    private static final Pattern STARTER_TASK = Pattern.compile(
            "\\bmicro-?projects?\\b|\\b(?:good\\s+)?first\\s+(?:issue|bug|contribution)s?\\b|\\b(?:starter|qualification|warm-?up)\\s+tasks?\\b", FLAGS);
    private static final Pattern IDEA_OR_PROPOSAL = Pattern.compile("\\bideas?\\b|\\bproposal|\\bproposing\\b", FLAGS);

    /** The message is about a starter task and never about an idea or a proposal. */
    static boolean aboutStarterTask(String subject, String ownText) {
        return (STARTER_TASK.matcher(subject).find() || STARTER_TASK.matcher(ownText).find())
                && !IDEA_OR_PROPOSAL.matcher(subject).find() && !IDEA_OR_PROPOSAL.matcher(ownText).find();
    }

    private static Cue body(String name, String regex) {
        return new Cue(name, Pattern.compile(regex, FLAGS), false, true);
    }

    private static Cue subject(String name, String regex) {
        return new Cue(name, Pattern.compile(regex, FLAGS), true, false);
    }

    private static Cue both(String name, String regex) {
        return new Cue(name, Pattern.compile(regex, FLAGS), true, true);
    }

    private InquirySignals() {
    }

    /** How a text refers to a mentoring programme: by name, only by mentoring words, or not at all. */
    enum Programme { NAMED, MENTORING, NONE }

    static Programme programme(String text) {
        if (anyForm(PROGRAMME, text)) return Programme.NAMED;
        return anyForm(MENTORING, text) ? Programme.MENTORING : Programme.NONE;
    }

    /** Room around an anchor for the longest form to match ("list of project ideas" ends 20 characters on). */
    private static final int WINDOW = 40;

    private static boolean anyForm(Map<String, Pattern> forms, String text) {
        for (Map.Entry<String, Pattern> form : forms.entrySet()) {
            String anchor = form.getKey();
            Matcher m = null;
            for (int at = indexOfIgnoreCase(text, anchor, 0); at >= 0; at = indexOfIgnoreCase(text, anchor, at + 1)) {
                if (m == null) m = form.getValue().matcher(text).useTransparentBounds(true);
                m.region(Math.max(0, at - WINDOW), Math.min(text.length(), at + anchor.length() + WINDOW));
                if (m.find()) return true;
            }
        }
        return false;
    }

    /** Where a lower-case ASCII word first occurs in the text at or after {@code from}, ignoring case; -1 if nowhere. */
    static int indexOfIgnoreCase(String text, String lowerWord, int from) {
        char first = lowerWord.charAt(0);
        char upper = Character.toUpperCase(first);
        int last = text.length() - lowerWord.length();
        for (int i = from; i <= last; i++) {
            char c = text.charAt(i);
            if ((c == first || c == upper) && text.regionMatches(true, i + 1, lowerWord, 1, lowerWord.length() - 1)) return i;
        }
        return -1;
    }

    private static final java.util.Set<String> APPLICANT_CUES = java.util.Set.of("applicant-self", "wants-to-take-part", "interest", "proposal");

    /**
     * A reply that quotes someone else speaking with an applicant's voice is most likely an answer to that
     * applicant: applicants' own follow-ups quote their mentors, or themselves (which the caller rules out).
     */
    static Feature answersAnApplicant(String quotedText) {
        if (quotedText.isBlank()) return null;
        List<Feature> quoted = cues("", quotedText.length() > 6000 ? quotedText.substring(0, 6000) : quotedText);
        return quoted.stream().filter(e -> APPLICANT_CUES.contains(e.name())).findFirst()
                .map(e -> new Feature("answers-an-applicant", 1, "quotes " + e.detail()))
                .orElse(null);
    }

    /** Every cue that fires in the subject or the author's own text, at most once each. */
    static List<Feature> cues(String subject, String ownText) {
        List<Feature> found = new ArrayList<>();
        Feature voice = addressee(ownText);
        if (voice != null) found.add(voice);
        for (Cue cue : CUES) {
            String hit = null;
            if (cue.inSubject()) hit = firstMatch(cue.pattern(), subject);
            if (hit == null && cue.inBody()) hit = firstMatch(cue.pattern(), ownText);
            if (hit != null) found.add(new Feature(cue.name(), 1, quote(hit)));
        }
        return found;
    }

    private static final Pattern FIRST_PERSON = Pattern.compile("\\b(?:i|i'm|i've|i'd|i'll|me|my|mine)\\b", FLAGS);
    private static final Pattern SECOND_PERSON = Pattern.compile("\\b(?:you|your|yours|you're|you've|you'll)\\b", FLAGS);

    /**
     * Who the text is about: a newcomer writes about themselves ("I", "my"); someone answering a
     * newcomer writes about them ("you", "your"). Only a clear preponderance counts.
     */
    private static Feature addressee(String ownText) {
        int first = count(FIRST_PERSON, ownText);
        int second = count(SECOND_PERSON, ownText);
        if (second >= 3 && second >= 2 * first) {
            return new Feature("addresses-someone", 1, second + "x you/your, " + first + "x I/my");
        }
        if (first >= 4 && first >= 2 * second) {
            return new Feature("speaks-of-self", 1, first + "x I/my, " + second + "x you/your");
        }
        return null;
    }

    static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    private static String firstMatch(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group() : null;
    }

    static String quote(String hit) {
        String flat = hit.replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
        return '"' + (flat.length() > 40 ? flat.substring(0, 40) + "…" : flat) + '"';
    }
}
