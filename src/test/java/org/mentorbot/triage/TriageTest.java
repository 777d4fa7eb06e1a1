package org.mentorbot.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mentorbot.catalog.Catalog;
import org.mentorbot.catalog.Contact;
import org.mentorbot.catalog.Idea;
import org.mentorbot.mail.Address;
import org.mentorbot.mail.MailMessage;

/**
 * The mechanics of triage with a small hand-set model, so that what is tested is the facade (scoring gate,
 * thread context, routing, seasons), not the weights a corpus happens to teach; the learned model's quality is
 * measured on real mail by {@code EvalCommandTest}.
 */
class TriageTest {

    /** Programme talk and an applicant's voice make an inquiry; answers in someone else's thread do not. */
    static final InquiryModel MODEL = new InquiryModel(-2, Map.of(
            "programme-in-subject", 2.5, "interest", 1.0, "applicant-self", 1.0, "asks-advice", 0.5,
            "thread-inquiry-by-sender", 3.0, "thread-inquiry-by-other", -6.0, "sender-is-mentor", -5.0,
            "patch", -6.0, "answers-an-applicant", -4.0, "programme-named", 1.0), List.of("test model"));

    static Triage triage() {
        return new Triage(CATALOGS, TriageSettings.defaults(), MODEL);
    }

    static Idea idea(String catalog, int season, String title, String description, Contact... contacts) {
        return new Idea(catalog + "/" + title.toLowerCase().replaceAll("[^a-z0-9]+", "-"), title, description, "", "",
                List.of(contacts), catalog, season, Idea.Status.OPEN);
    }

    static final Contact ALICE = Contact.mentor("Alice Mentor", "alice@example.org");
    static final Contact BOB = Contact.mentor("Bob Mentor", "bob@example.org");

    static final List<Catalog> CATALOGS = List.of(
            new Catalog("ideas-2020.md", 2020, "markdown", List.of(
                    idea("ideas-2020.md", 2020, "Rewrite the pager in C", "The pager is a shell script; port it to C as a builtin.", ALICE),
                    idea("ideas-2020.md", 2020, "Faster packfile indexing", "Index packs using several threads and a bitmap cache.", BOB))),
            new Catalog("ideas-2021.md", 2021, "markdown", List.of(
                    idea("ideas-2021.md", 2021, "Rewrite the pager in C", "Still open: port the pager shell script to C.", BOB),
                    idea("ideas-2021.md", 2021, "Network protocol fuzzing", "Write fuzzers for the wire protocol parsers.", ALICE))));

    static MailMessage mail(String id, String from, String subject, String body, String inReplyTo, String date) {
        List<String> refs = inReplyTo == null ? List.of() : List.of(inReplyTo);
        return new MailMessage(id + ".eml", id, new Address(null, from), List.of(), List.of(), subject,
                Instant.parse(date), inReplyTo, refs, Map.of(), body, false);
    }

    static final String QUESTION = "Hello, my name is Carol and I am a second-year student. I would like to apply for "
            + "GSoC and I am interested in the pager rewrite in C idea. Could you point me to where I should start?";

    @Test
    void routesAStudentQuestionToTheIdeaOfItsOwnSeason() {
        Decision d = triage().triage(mail("<1@x>", "carol@uni.edu", "[GSoC] Question about rewriting the pager in C",
                QUESTION, null, "2021-03-01T10:00:00Z"));

        assertThat(d.inquiry()).isTrue();
        assertThat(d.idea().title()).isEqualTo("Rewrite the pager in C");
        assertThat(d.idea().catalog()).isEqualTo("ideas-2021.md");
        assertThat(d.contacts()).containsExactly(BOB);
        assertThat(d.confidence()).isBetween(0.35, 1.0);
        assertThat(d.evidence()).extracting(Evidence::signal).contains("programme-in-subject", "interest", "(bias)");
        assertThat(d.evidence().get(d.evidence().size() - 1).signal()).isEqualTo("(bias)");
        assertThat(d.evidence()).filteredOn(e -> e.signal().equals("programme-in-subject")).singleElement()
                .extracting(Evidence::weight).isEqualTo(2.5);
    }

    @Test
    void theAskersFollowUpKeepsTheIdeaAndOthersAnswersAreNotInquiriesButKnowTheThreadsIdea() {
        Triage triage = triage();
        triage.triage(mail("<1@x>", "carol@uni.edu", "[GSoC] Question about rewriting the pager in C", QUESTION, null,
                "2021-03-01T10:00:00Z"));

        Decision answer = triage.triage(mail("<2@x>", "dave@example.net", "Re: [GSoC] Question about rewriting the pager in C",
                "Hi Carol, I am a student too and I would like to know as well.", "<1@x>", "2021-03-01T11:00:00Z"));
        Decision followUp = triage.triage(mail("<3@x>", "carol@uni.edu", "Re: [GSoC] Question about rewriting the pager in C",
                "Thanks! One more thing: does it need tests?", "<2@x>", "2021-03-01T12:00:00Z"));

        assertThat(answer.inquiry()).isFalse();
        assertThat(answer.idea()).isNull();
        assertThat(answer.threadIdea().title()).isEqualTo("Rewrite the pager in C");
        assertThat(answer.evidence()).extracting(Evidence::signal).contains("thread-inquiry-by-other");
        assertThat(followUp.inquiry()).isTrue();
        assertThat(followUp.idea().title()).isEqualTo("Rewrite the pager in C");
        assertThat(triage.threadOf("<3@x>")).isEqualTo("<1@x>");
    }

    @Test
    void theThreadContextOfAnEarlierRunKeepsTheFollowUpRouted() {
        // What the bot does after a restart: it remembers the ledger's messages before triaging new ones.
        ThreadContext context = new ThreadContext();
        Triage before = new Triage(CATALOGS, TriageSettings.defaults(), MODEL, context);
        Decision asked = before.triage(mail("<1@x>", "carol@uni.edu", "[GSoC] Question about rewriting the pager in C",
                QUESTION, null, "2021-03-01T10:00:00Z"));
        ThreadContext restored = new ThreadContext();
        restored.remember("<1@x>", before.threadOf("<1@x>"), List.of(), "question about rewriting the pager in c",
                "carol@uni.edu", java.time.Instant.parse("2021-03-01T10:00:00Z"), asked.traits(), asked.idea());

        Decision followUp = new Triage(CATALOGS, TriageSettings.defaults(), MODEL, restored).triage(mail("<3@x>",
                "carol@uni.edu", "Re: question", "Thanks! One more thing: does it need tests?", "<1@x>", "2021-03-02T12:00:00Z"));

        assertThat(followUp.inquiry()).isTrue();
        assertThat(followUp.idea().title()).isEqualTo("Rewrite the pager in C");
        assertThat(followUp.evidence()).extracting(Evidence::signal).contains("thread-inquiry-by-sender");
    }

    @Test
    void mailThatNamesNoProgrammeIsNotScoredAtAll() {
        Decision d = triage().triage(mail("<k@x>", "gina@corp.com", "pager: fix crash when the packfile index is missing",
                "The pager crashes when the packfile index is missing. Could you take a look? I would like to know.", null,
                "2021-03-01T10:00:00Z"));

        assertThat(d.inquiry()).isFalse();
        assertThat(d.evidence()).extracting(Evidence::signal).containsExactly("not-scored");
    }

    @Test
    void patchesAndMentorsAreNotInquiriesAndMachinesNeverAre() {
        Triage triage = triage();
        Decision patch = triage.triage(mail("<p@x>", "frank@uni.edu", "[GSoC][PATCH 1/2] pager: rewrite in C",
                "As part of my GSoC project, port the pager to C.\n\ndiff --git a/pager.c b/pager.c\n--- a/pager.c\n+++ b/pager.c\n"
                        + "@@ -1 +1 @@\n-old\n+new\n", null, "2021-06-01T10:00:00Z"));
        Decision mentor = triage.triage(mail("<m@x>", "alice@example.org", "[GSoC] Network protocol fuzzing",
                "I am interested in mentoring students on fuzzing.", null, "2021-02-01T10:00:00Z"));
        MailMessage auto = new MailMessage("a.eml", "<a@x>", new Address(null, "carol@uni.edu"), List.of(), List.of(),
                "[GSoC] Question about rewriting the pager in C", Instant.parse("2021-03-01T10:00:00Z"), null, List.of(),
                Map.of("auto-submitted", "auto-replied"), QUESTION, false);

        assertThat(patch.inquiry()).isFalse();
        assertThat(patch.traits().patch()).isTrue();
        assertThat(mentor.inquiry()).isFalse();
        assertThat(mentor.evidence()).extracting(Evidence::signal).contains("sender-is-mentor");
        assertThat(triage.triage(auto).inquiry()).isFalse();
    }

    @Test
    void aGeneralQuestionNamesNoIdea() {
        Decision d = triage().triage(mail("<9@x>", "erin@uni.edu", "[GSoC] getting started",
                "Hello everyone, my name is Erin. I am interested in taking part this year. "
                        + "How can I get started with a microproject?", null, "2021-02-20T10:00:00Z"));

        assertThat(d.inquiry()).isTrue();
        assertThat(d.idea()).isNull();
        assertThat(d.kind()).isEqualTo(Decision.Kind.GENERAL_INQUIRY);
    }

    @Test
    void aReplyThatQuotesAnApplicantIsAnAnswerButAnApplicantQuotingThemselvesIsNot() {
        Decision answer = triage().triage(mail("<r@x>", "helper@example.net", "Re: [GSoC] Question about rewriting the pager in C",
                "On Mon, Carol <carol@uni.edu> wrote:\n> " + QUESTION + "\n\nThe pager code lives in pager.c.",
                "<1@x>", "2021-03-01T11:00:00Z"));
        Decision self = triage().triage(mail("<s@x>", "carol@uni.edu", "Re: [GSoC] Question about rewriting the pager in C",
                "Is the pager rewrite in C still open this year?\n\nOn Mon, Carol <carol@uni.edu> wrote:\n> " + QUESTION,
                "<1@x>", "2021-03-02T11:00:00Z"));

        assertThat(answer.inquiry()).isFalse();
        assertThat(answer.evidence()).extracting(Evidence::signal).contains("answers-an-applicant");
        assertThat(self.evidence()).extracting(Evidence::signal).doesNotContain("answers-an-applicant");
    }

    @Test
    void theSameMessagesGiveTheSameDecisions() {
        Decision a = triage().triage(mail("<1@x>", "carol@uni.edu", "[GSoC] pager", QUESTION, null, "2021-03-01T10:00:00Z"));
        Decision b = triage().triage(mail("<1@x>", "carol@uni.edu", "[GSoC] pager", QUESTION, null, "2021-03-01T10:00:00Z"));
        assertThat(a.confidence()).isEqualTo(b.confidence());
        assertThat(a.evidence()).isEqualTo(b.evidence());
    }
}
