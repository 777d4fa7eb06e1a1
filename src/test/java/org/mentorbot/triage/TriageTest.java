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

class TriageTest {

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
        Triage triage = new Triage(CATALOGS, TriageSettings.defaults());

        Decision d = triage.triage(mail("<1@x>", "carol@uni.edu", "[GSoC] Question about rewriting the pager in C",
                QUESTION, null, "2021-03-01T10:00:00Z"));

        assertThat(d.inquiry()).isTrue();
        assertThat(d.idea().title()).isEqualTo("Rewrite the pager in C");
        assertThat(d.idea().catalog()).isEqualTo("ideas-2021.md");
        assertThat(d.contacts()).containsExactly(BOB);
        assertThat(d.confidence()).isBetween(0.35, 1.0);
        assertThat(d.evidence()).extracting(Evidence::signal).contains("programme-in-subject");
    }

    @Test
    void theAskersFollowUpKeepsTheIdeaAndOthersAnswersAreNotInquiries() {
        Triage triage = new Triage(CATALOGS, TriageSettings.defaults());
        triage.triage(mail("<1@x>", "carol@uni.edu", "[GSoC] Question about rewriting the pager in C", QUESTION, null,
                "2021-03-01T10:00:00Z"));

        Decision answer = triage.triage(mail("<2@x>", "dave@example.net", "Re: [GSoC] Question about rewriting the pager in C",
                "Hi Carol, I am a student too and I would like to know as well. Could you share your plan?", "<1@x>",
                "2021-03-01T11:00:00Z"));
        Decision followUp = triage.triage(mail("<3@x>", "carol@uni.edu", "Re: [GSoC] Question about rewriting the pager in C",
                "Thanks! One more thing: does it need tests?", "<2@x>", "2021-03-01T12:00:00Z"));

        assertThat(answer.inquiry()).isFalse();
        assertThat(answer.idea()).isNull();
        assertThat(answer.threadIdea().title()).isEqualTo("Rewrite the pager in C");
        assertThat(followUp.inquiry()).isTrue();
        assertThat(followUp.idea().title()).isEqualTo("Rewrite the pager in C");
    }

    @Test
    void aGeneralQuestionAboutTheProgrammeNamesNoIdea() {
        Triage triage = new Triage(CATALOGS, TriageSettings.defaults());

        Decision d = triage.triage(mail("<9@x>", "erin@uni.edu", "GSoC 2021",
                "Hello everyone, I am a student and I am looking to participate in GSoC this year. "
                        + "How can I get started with a microproject? Any pointers are welcome.", null, "2021-02-20T10:00:00Z"));

        assertThat(d.inquiry()).isTrue();
        assertThat(d.idea()).isNull();
        assertThat(d.kind()).isEqualTo(Decision.Kind.GENERAL_INQUIRY);
    }

    @Test
    void patchesMentorsAndAnnouncementsAreNotInquiries() {
        Triage triage = new Triage(CATALOGS, TriageSettings.defaults());

        Decision patch = triage.triage(mail("<p@x>", "frank@uni.edu", "[GSoC][PATCH 1/2] pager: rewrite in C",
                "As part of my GSoC project, port the pager to C.\n\nSigned-off-by: Frank", null, "2021-06-01T10:00:00Z"));
        Decision mentor = triage.triage(mail("<m@x>", "alice@example.org", "[GSoC] Network protocol fuzzing",
                "I would be happy to mentor students on fuzzing; students should send their proposal early.", null,
                "2021-02-01T10:00:00Z"));
        Decision announcement = triage.triage(mail("<a@x>", "org@example.org", "GSoC 2021: we have been accepted",
                "Our project has been accepted as a mentor organization for Google Summer of Code 2021.", null,
                "2021-03-09T10:00:00Z"));

        assertThat(patch.inquiry()).isFalse();
        assertThat(mentor.inquiry()).isFalse();
        assertThat(mentor.evidence()).extracting(Evidence::signal).contains("sender-is-mentor");
        assertThat(announcement.inquiry()).isFalse();
    }

    @Test
    void ordinaryDeveloperMailIsNotAnInquiryEvenWhenItSharesTheIdeasWords() {
        Triage triage = new Triage(CATALOGS, TriageSettings.defaults());

        Decision d = triage.triage(mail("<k@x>", "gina@corp.com", "pager: fix crash when the packfile index is missing",
                "The pager crashes when the packfile index is missing. Could you take a look? Thanks.", null,
                "2021-03-01T10:00:00Z"));

        assertThat(d.inquiry()).isFalse();
        assertThat(d.confidence()).isGreaterThan(0.5);
    }

    @Test
    void aReplyThatQuotesAnApplicantIsAnAnswerEvenWithoutTheThreadsStart() {
        Triage triage = new Triage(CATALOGS, TriageSettings.defaults());

        Decision d = triage.triage(mail("<r@x>", "helper@example.net", "Re: [GSoC] Question about rewriting the pager in C",
                "On Mon, Carol <carol@uni.edu> wrote:\n> " + QUESTION.replace("\n", "\n> ")
                        + "\n\nThe pager code lives in pager.c; have a look at how it is called. Could you also check the tests?",
                "<1@x>", "2021-03-01T11:00:00Z"));

        assertThat(d.inquiry()).isFalse();
        assertThat(d.evidence()).extracting(Evidence::signal).contains("answers-an-applicant");
    }

    @Test
    void anApplicantQuotingTheirOwnEarlierMailIsStillAnApplicant() {
        Triage triage = new Triage(CATALOGS, TriageSettings.defaults());

        Decision d = triage.triage(mail("<s@x>", "carol@uni.edu", "Re: [GSoC] Question about rewriting the pager in C",
                "Is the pager rewrite in C still open for GSoC this year? Could you tell me?\n\n"
                        + "On Mon, Carol <carol@uni.edu> wrote:\n> " + QUESTION.replace("\n", "\n> "),
                "<1@x>", "2021-03-02T11:00:00Z"));

        assertThat(d.evidence()).extracting(Evidence::signal).doesNotContain("answers-an-applicant");
        assertThat(d.inquiry()).isTrue();
    }
}
