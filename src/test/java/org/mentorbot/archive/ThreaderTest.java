package org.mentorbot.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThreaderTest {

    private final Threader threader = new Threader();

    private static long day(String isoDate) {
        return Instant.parse(isoDate + "T12:00:00Z").toEpochMilli();
    }

    @Test
    void aReplyChainIsOneThreadRootedAtItsFirstMessage() {
        threader.add("<a@x>", day("2010-03-01"), List.of(), "virtio drivers");
        threader.add("<b@x>", day("2010-03-02"), List.of("<a@x>"), "Re: virtio drivers");
        String c = threader.add("<c@x>", day("2010-03-03"), List.of("<a@x>", "<b@x>"), "Re: virtio drivers");

        assertThat(c).isEqualTo("<a@x>");
        assertThat(threader.members("<a@x>")).containsExactly("<a@x>", "<b@x>", "<c@x>");
        assertThat(threader.drainChanges()).isEmpty();
    }

    @Test
    void aChildArrivingBeforeItsParentEndsInTheParentsThread() {
        threader.add("<c@x>", day("2010-03-03"), List.of("<a@x>", "<b@x>"), "Re: virtio drivers");
        threader.add("<b@x>", day("2010-03-02"), List.of("<a@x>"), "Re: virtio drivers");
        String a = threader.add("<a@x>", day("2010-03-01"), List.of(), "virtio drivers");

        assertThat(a).isEqualTo("<a@x>");
        assertThat(threader.threadOf("<c@x>")).isEqualTo("<a@x>");
        assertThat(threader.members("<a@x>")).containsExactly("<a@x>", "<b@x>", "<c@x>");
        // c and b were written with another thread id: the archive must rewrite them, but not a, written last.
        assertThat(threader.drainChanges()).containsOnlyKeys("<c@x>", "<b@x>").containsValue("<a@x>");
    }

    @Test
    void twoThreadsMergeWhenTheMessageTheyBothReferenceArrives() {
        threader.add("<b@x>", day("2010-03-02"), List.of("<a@x>"), "Re: one");
        threader.add("<c@x>", day("2010-03-03"), List.of("<root@x>"), "Re: two");
        assertThat(threader.threadOf("<b@x>")).isNotEqualTo(threader.threadOf("<c@x>"));

        threader.add("<a@x>", day("2010-03-01"), List.of("<root@x>"), "Re: one");

        assertThat(threader.threadOf("<b@x>")).isEqualTo("<a@x>");
        assertThat(threader.threadOf("<c@x>")).isEqualTo("<a@x>");
    }

    @Test
    void repliesToAMissingParentAreJoinedThroughTheirReferences() {
        threader.add("<b@x>", day("2010-03-02"), List.of("<never-archived@x>", "<lost@x>"), "Re: patch");
        String c = threader.add("<c@x>", day("2010-03-05"), List.of("<never-archived@x>"), "something else");

        assertThat(c).isEqualTo("<b@x>");
        assertThat(threader.members("<b@x>")).containsExactly("<b@x>", "<c@x>");
    }

    @Test
    void anOrphanReplyJoinsTheRecentThreadWithItsSubject() {
        threader.add("<a@x>", day("2010-03-01"), List.of(), "[dfly] GSoC: virtio drivers");
        String reply = threader.add("<r@x>", day("2010-03-10"), List.of(), "RE: Re: [dfly] GSoC: virtio  drivers");

        assertThat(reply).isEqualTo("<a@x>");
    }

    @Test
    void theSubjectFallbackIsOnlyForReplies() {
        threader.add("<a@x>", day("2010-03-01"), List.of(), "status report");
        String second = threader.add("<b@x>", day("2010-03-08"), List.of(), "status report");

        assertThat(second).isEqualTo("<b@x>");
    }

    @Test
    void aReplyWithAKnownParentIgnoresTheSubject() {
        threader.add("<a@x>", day("2010-03-01"), List.of(), "question");
        threader.add("<b@x>", day("2010-03-02"), List.of(), "other topic");
        String reply = threader.add("<r@x>", day("2010-03-03"), List.of("<b@x>"), "Re: question");

        assertThat(reply).isEqualTo("<b@x>");
        assertThat(threader.members("<a@x>")).containsExactly("<a@x>");
    }

    @Test
    void sameSubjectFarApartInTimeStaysSeparate() {
        threader.add("<a@x>", day("2010-01-05"), List.of(), "build broken");
        threader.add("<a2@x>", day("2010-01-06"), List.of("<a@x>"), "Re: build broken");
        String late = threader.add("<z@x>", day("2012-06-01"), List.of(), "Re: build broken");

        assertThat(late).isEqualTo("<z@x>");
        assertThat(threader.members("<a@x>")).containsExactly("<a@x>", "<a2@x>");
    }

    @Test
    void idsAreComparedWithoutCase() {
        threader.add("<Parent@X.org>", day("2010-03-01"), List.of(), "q");
        String child = threader.add("<c@x>", day("2010-03-02"), List.of("<parent@x.org>"), "Re: q");

        assertThat(child).isEqualTo("<Parent@X.org>");
        assertThat(threader.isArchived("<PARENT@x.org>")).isTrue();
    }

    @Test
    void messagesOfTheSameSecondGetTheSameThreadIdInAnyArrivalOrder() {
        long seed = new java.util.Random().nextLong();
        java.util.Random random = new java.util.Random(seed);
        long same = day("2010-03-01");
        for (int round = 0; round < 20; round++) {
            List<String> ids = new java.util.ArrayList<>(List.of("<d@x>", "<b@x>", "<c@x>", "<a@x>"));
            java.util.Collections.shuffle(ids, random);
            Threader t = new Threader();
            // each message refers to all the others, as a cross-posted batch does
            for (String id : ids) t.add(id, same, ids.stream().filter(o -> !o.equals(id)).toList(), "batch");
            for (String id : ids) assertThat(t.threadOf(id)).as("seed %d, order %s", seed, ids).isEqualTo("<a@x>");
        }
    }

    @Test
    void aRestoreMarksForRewritingOnlyTheMessagesWhoseThreadComesOutOtherwise() {
        long same = day("2010-03-01");
        // An index written when ties went to whichever message came first: <b@x> stood for the thread.
        threader.restore("<b@x>", same, List.of(), "batch", "<b@x>");
        threader.restore("<a@x>", same, List.of("<b@x>"), "batch", "<b@x>");
        threader.restore("<z@x>", day("2010-03-02"), List.of(), "other", "<z@x>");
        threader.restored();

        assertThat(threader.threadOf("<b@x>")).isEqualTo("<a@x>");
        assertThat(threader.drainChanges()).containsOnly(java.util.Map.entry("<a@x>", "<a@x>"), java.util.Map.entry("<b@x>", "<a@x>"));
    }
}
