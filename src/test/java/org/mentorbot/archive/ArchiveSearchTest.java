package org.mentorbot.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentorbot.catalog.Contact;
import org.mentorbot.catalog.Idea;
import org.mentorbot.triage.Decision;

class ArchiveSearchTest {

    @TempDir
    Path dir;

    static final Idea VIRTIO = idea("virtio", "Implement virtio drivers", "alice@example.org", "bob@example.org");
    static final Idea HAMMER = idea("hammer2", "HAMMER2 compression", "carol@example.org");

    static Idea idea(String id, String title, String... mentors) {
        List<Contact> contacts = java.util.Arrays.stream(mentors).map(m -> Contact.mentor(m, m)).toList();
        return new Idea(id, title, "", "", "", contacts, "ideas", 2010, Idea.Status.OPEN);
    }

    /** Adds a message; an idea makes it an inquiry about that idea, "general" an inquiry about none. */
    private static void add(Archive archive, String eml, Object routing) throws IOException {
        Mails.Parsed p = Mails.parse(eml);
        Decision decision = null;
        if (routing instanceof Idea idea) {
            decision = new Decision(p.message(), true, idea, 0.9, idea.contacts(), List.of(), idea, List.of());
        } else if ("general".equals(routing)) {
            decision = new Decision(p.message(), true, null, 0.9, List.of(), List.of(), null, List.of());
        }
        archive.add(p.raw(), p.message(), p.text(), decision, "dfly");
    }

    private static ArchiveSearch search(ArchiveView view) {
        return new ArchiveSearch(view, new ArchiveQuery(new ArchiveAnalyzer(), Clock.systemUTC()), new ArchiveAnalyzer());
    }

    @Test
    void facetsCountTheIdeasMentorsAndYearsOfTheMatchesAcrossCommits() throws Exception {
        try (Archive archive = Archive.open(dir)) {
            add(archive, Mails.eml("<a@example.org>", "virtio question", "Mon, 01 Mar 2010 10:00:00 +0000", "virtio?"), VIRTIO);
            add(archive, Mails.eml("<b@example.org>", "virtio again", "Tue, 02 Mar 2010 10:00:00 +0000", "virtio!"), VIRTIO);
            archive.commit(); // a second segment for the rest
            add(archive, Mails.eml("<c@example.org>", "hammer2 and virtio", "Wed, 02 Mar 2011 10:00:00 +0000", "virtio"), HAMMER);
            add(archive, Mails.eml("<d@example.org>", "virtio patch", "Thu, 01 Mar 2012 10:00:00 +0000", "virtio fix"), null);
            archive.commit();

            ArchiveSearch.Facets facets = search(archive).search("virtio", 1, 10).facets();

            assertThat(facets.ideas()).isEqualTo(Map.of("Implement virtio drivers", 2, "HAMMER2 compression", 1));
            assertThat(facets.mentors()).isEqualTo(Map.of("alice@example.org", 2, "bob@example.org", 2, "carol@example.org", 1));
            assertThat(facets.years()).isEqualTo(Map.of(2010, 2, 2011, 1, 2012, 1));
            assertThat(search(archive).search("s:hammer2", 1, 10).facets().mentors()).isEqualTo(Map.of("carol@example.org", 1));
        }
    }

    @Test
    void aPageGroupsHitsByThreadWithHighlightedSnippets() throws Exception {
        try (Archive archive = Archive.open(dir)) {
            add(archive, ArchiveTest.PARENT, VIRTIO);
            archive.commit(); // the reply lands in another segment, and still joins its thread
            add(archive, ArchiveTest.CHILD, null);
            add(archive, Mails.eml("<other@example.org>", "virtio on arm", "Mon, 08 Mar 2010 10:00:00 +0000",
                    "Does virtio work on arm?"), null);
            archive.commit();

            ArchiveSearch.Page page = search(archive).search("virtio", 1, 10);

            assertThat(page.totalMessages()).isEqualTo(3);
            assertThat(page.totalThreads()).isEqualTo(2);
            ArchiveSearch.ThreadHit thread = page.threads().stream()
                    .filter(t -> t.threadId().equals("<Parent@example.org>")).findFirst().orElseThrow();
            assertThat(thread.matching()).isEqualTo(2);
            Map<String, ArchiveSearch.Hit> byId = new java.util.HashMap<>();
            thread.hits().forEach(h -> byId.put(h.messageId(), h));
            assertThat(byId.get("<Parent@example.org>").snippet())
                    .contains(ArchiveSearch.MATCH_START + "virtio" + ArchiveSearch.MATCH_END);
            assertThat(byId.get("<Parent@example.org>").ideaTitle()).isEqualTo("Implement virtio drivers");
            // The reply matched by its subject only: its snippet is the start of its own words.
            assertThat(byId.get("<child@example.org>").snippet()).isEqualTo("Read the NetBSD driver first.");
        }
    }

    @Test
    void unansweredFindsInquiryThreadsWhateverTheCaseOfTheirIds() throws Exception {
        try (Archive archive = Archive.open(dir)) {
            add(archive, Mails.eml("<CAF+Student.X@Mail.Example.org>", "virtio question", "Mon, 01 Mar 2010 10:00:00 +0000",
                    "Could I work on virtio?"), VIRTIO);
            add(archive, Mails.eml("<Asker@example.org>", "virtio proposal", "Tue, 02 Mar 2010 10:00:00 +0000",
                    "My proposal for virtio."), VIRTIO);
            add(archive, Mails.eml("<mentor-reply@example.org>", "Re: virtio proposal", "Wed, 03 Mar 2010 10:00:00 +0000",
                    "Looks good.", "<Asker@example.org>"), null);
            add(archive, Mails.eml("<general@example.org>", "virtio patch", "Thu, 04 Mar 2010 10:00:00 +0000",
                    "A patch, nobody answered."), null);
            archive.commit();

            ArchiveSearch.Page page = search(archive).search("is:unanswered virtio", 1, 10);

            assertThat(page.threads()).extracting(ArchiveSearch.ThreadHit::threadId)
                    .containsExactly("<CAF+Student.X@Mail.Example.org>");
        }
    }
    @Test
    void countsEveryMatchPastTheWindowAndAnAbsurdPageIsEmpty() throws Exception {
        try (Archive archive = Archive.open(dir)) {
            for (int i = 0; i < 1_200; i++) {
                add(archive, Mails.eml("<m" + i + "@example.org>", "kernel topic " + i, "Mon, 01 Mar 2010 10:00:00 +0000",
                        "kernel text"), null);
            }
            archive.commit();

            assertThat(search(archive).search("kernel", 1, 20).totalMessages()).isEqualTo(1_200);
            ArchiveSearch.Page far = search(archive).search("kernel", 2_000_000_000, 20);
            assertThat(far.threads()).isEmpty();
            assertThat(search(archive).search("kernel", 2, Integer.MAX_VALUE).threads()).isEmpty();
        }
    }

    @Test
    void unansweredCountsOnlyTheThreadsNobodyAnswered() throws Exception {
        try (Archive archive = Archive.open(dir)) {
            add(archive, Mails.eml("<q1@example.org>", "virtio?", "Mon, 01 Mar 2010 10:00:00 +0000", "how?"), VIRTIO);
            add(archive, Mails.eml("<a1@example.org>", "Re: virtio?", "Tue, 02 Mar 2010 10:00:00 +0000", "like this",
                    "<q1@example.org>"), null);
            add(archive, Mails.eml("<q2@example.org>", "hammer2?", "Wed, 03 Mar 2010 10:00:00 +0000", "anyone?"), HAMMER);
            archive.commit();

            ArchiveSearch.Page page = search(archive).search("is:unanswered", 1, 10);

            assertThat(page.threads()).extracting(ArchiveSearch.ThreadHit::threadId).containsExactly("<q2@example.org>");
            assertThat(page.totalMessages()).isEqualTo(1);
            assertThat(page.facets().ideas()).isEqualTo(Map.of("HAMMER2 compression", 1));
        }
    }
    @Test
    void theAskersFollowUpUnderAnotherDisplayNameIsNoAnswer() throws Exception {
        String question = "From: Hana Student <hana@example.org>\nSubject: hammer2?\nDate: Mon, 01 Mar 2010 10:00:00 +0000\n"
                + "Message-ID: <q@example.org>\n\nWhich algorithms?\n";
        String followUp = "From: \"hana (laptop)\" <Hana@Example.org>\nSubject: Re: hammer2?\n"
                + "Date: Tue, 02 Mar 2010 10:00:00 +0000\nMessage-ID: <f@example.org>\nIn-Reply-To: <q@example.org>\n\nanyone?\n";
        try (Archive archive = Archive.open(dir)) {
            add(archive, question, HAMMER);
            add(archive, followUp, null);
            archive.commit();

            assertThat(search(archive).search("is:unanswered", 1, 10).threads())
                    .extracting(ArchiveSearch.ThreadHit::threadId).containsExactly("<q@example.org>");
        }
    }
    @Test
    void unansweredFindsAnInquiryBehindMoreThanAWindowOfOtherMail() throws Exception {
        try (Archive archive = Archive.open(dir)) {
            for (int i = 0; i < 1_200; i++) {
                add(archive, Mails.eml("<p" + i + "@example.org>", "[PATCH] fix " + i, "Mon, 01 Mar 2010 10:00:00 +0000",
                        "a patch"), null);
            }
            add(archive, Mails.eml("<late@example.org>", "hammer2?", "Mon, 01 Mar 2010 11:00:00 +0000", "anyone?"), HAMMER);
            archive.commit();

            assertThat(search(archive).search("is:unanswered", 1, 10).threads())
                    .extracting(ArchiveSearch.ThreadHit::threadId).containsExactly("<late@example.org>");
        }
    }
}
