package org.mentorbot.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.mentorbot.action.Policy;
import org.mentorbot.archive.ArchiveAnalyzer;
import org.mentorbot.archive.ArchiveQuery;
import org.mentorbot.archive.ArchiveSearch;
import org.mentorbot.archive.ArchivedMessage;
import org.mentorbot.store.ImapCursor;
import org.mentorbot.store.Ledger;

/** The whole poll over real IMAP and SMTP (GreenMail on loopback): what reaches mentors, exactly once. */
class MailboxPollerTest extends BotOnGreenMail {

    @Test
    void anInquiryArrivingAfterTheFirstPollReachesItsMentorOnce() throws Exception {
        try (Bot bot = bot(Policy.NOTIFY)) {
            bot.pollers().get("kernel").poll();
            deliver(STUDENT);
            MailboxPoller.PollResult r = bot.pollers().get("kernel").poll();
            assertThat(r.inquiries()).isEqualTo(1);
            assertThat(r.mailsPlanned()).isEqualTo(1);
        }
        List<MimeMessage> got = botMailTo(MENTOR);
        assertThat(got).hasSize(1);
        assertThat(got.get(0).getSubject()).contains("Implement virtio drivers");
        assertThat(got.get(0).getRecipients(Message.RecipientType.TO)[0].toString()).contains(MENTOR);
    }

    @Test
    void mailAlreadyThereAtTheFirstPollIsRecordedButNeverAnswered() throws Exception {
        deliver(STUDENT);
        try (Bot bot = bot(Policy.NOTIFY_AND_REPLY)) {
            MailboxPoller.PollResult r = bot.pollers().get("kernel").poll();
            assertThat(r.recorded()).isEqualTo(1);
            assertThat(r.mailsPlanned()).isZero();
            assertThat(bot.ledger().messages("kernel", 10).get(0).backlog()).isTrue();
        }
        assertThat(botMailTo(MENTOR)).isEmpty();
    }

    @Test
    void redeliveryRestartAndUidValidityResetNeverSendASecondMail() throws Exception {
        try (Bot bot = bot(Policy.NOTIFY_AND_REPLY)) {
            bot.pollers().get("kernel").poll();
            deliver(STUDENT);
            bot.pollers().get("kernel").poll();
            deliver(STUDENT); // the same message again: cross-posted or re-delivered
            MailboxPoller.PollResult again = bot.pollers().get("kernel").poll();
            assertThat(again.duplicates()).isEqualTo(1);
            assertThat(again.mailsPlanned()).isZero();
        }
        try (Bot restarted = bot(Policy.NOTIFY_AND_REPLY)) {
            Ledger ledger = restarted.ledger();
            ImapCursor cursor = ledger.imapCursor("kernel", "INBOX").orElseThrow();
            ledger.saveImapCursor("kernel", "INBOX", new ImapCursor(cursor.uidValidity() + 1, cursor.lastUid()));
            MailboxPoller.PollResult reread = restarted.pollers().get("kernel").poll();
            assertThat(reread.fetched()).isEqualTo(2);
            assertThat(reread.recorded()).isZero();
        }
        assertThat(botMailTo(MENTOR)).hasSize(2); // one notification, and one Cc of the single reply
        assertThat(botMailTo("souillon@example.org")).hasSize(1);
    }

    @Test
    void everyPolledMessageIsArchivedOnceWithItsDecisionAndThread() throws Exception {
        try (Bot bot = bot(Policy.NOTIFY)) {
            bot.pollers().get("kernel").poll();
            deliver(STUDENT);
            deliver(STUDENT); // re-delivered
            bot.pollers().get("kernel").poll();
            ArchiveSearch.Page page = search(bot).search("virtio is:inquiry", 1, 10);
            assertThat(page.totalMessages()).isEqualTo(1);
            ArchivedMessage m = search(bot).message("<dfly-eval-001@eval.invalid>").orElseThrow();
            assertThat(m.ideaTitle()).contains("virtio");
            assertThat(m.mentors()).contains(MENTOR);
            assertThat(m.list()).isEqualTo("kernel");
        }
    }

    @Test
    void aMessageTheLedgerKnowsButTheArchiveMissedIsArchivedWhenFetchedAgainAndNotAnsweredAgain() throws Exception {
        // As after a crash between the ledger's transaction and the archive's commit.
        try (Bot bot = bot(Policy.NOTIFY, server.getImap().getPort(), null)) {
            bot.pollers().get("kernel").poll();
            deliver(STUDENT);
            bot.pollers().get("kernel").poll();
            ImapCursor cursor = bot.ledger().imapCursor("kernel", "INBOX").orElseThrow();
            bot.ledger().saveImapCursor("kernel", "INBOX", new ImapCursor(cursor.uidValidity(), 0));
        }
        try (Bot bot = bot(Policy.NOTIFY)) {
            MailboxPoller.PollResult r = bot.pollers().get("kernel").poll();
            assertThat(r.duplicates()).isEqualTo(1);
            assertThat(search(bot).message("<dfly-eval-001@eval.invalid>")).isPresent();
        }
        assertThat(botMailTo(MENTOR)).hasSize(1);
    }

    private static ArchiveSearch search(Bot bot) {
        return new ArchiveSearch(bot.archive(), new ArchiveQuery(new ArchiveAnalyzer(), java.time.Clock.systemUTC()),
                new ArchiveAnalyzer());
    }

    @Test
    void autoSubmittedAndOwnMailIsNeverAnswered() throws Exception {
        try (Bot bot = bot(Policy.NOTIFY_AND_REPLY)) {
            bot.pollers().get("kernel").poll();
            deliver(STUDENT, "Auto-Submitted", "auto-replied", "Message-ID", "<auto-1@example.org>");
            deliver(STUDENT, "From", "mentorbot <mentorbot@localhost>", "Message-ID", "<own-1@example.org>");
            MailboxPoller.PollResult r = bot.pollers().get("kernel").poll();
            assertThat(r.recorded()).isEqualTo(2);
            assertThat(r.mailsPlanned()).isZero();
        }
        assertThat(botMailTo(MENTOR)).isEmpty();
    }

    @Test
    void dryRunRecordsDecisionsAndSendsNothing() throws Exception {
        try (Bot bot = bot(Policy.DRY_RUN)) {
            bot.pollers().get("kernel").poll();
            deliver(STUDENT);
            MailboxPoller.PollResult r = bot.pollers().get("kernel").poll();
            assertThat(r.inquiries()).isEqualTo(1);
            assertThat(r.mailsPlanned()).isZero();
            assertThat(bot.ledger().messages("kernel", 10).get(0).ideaTitle()).contains("virtio");
        }
        assertThat(botMailTo(MENTOR)).isEmpty();
    }

    @Test
    void aServerThatIsDownIsRecordedAsTheMailboxsLastError() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        try (Bot bot = bot(Policy.NOTIFY, closed)) {
            bot.pollers().get("kernel").pollWithBackoff();
            assertThat(bot.ledger().status("kernel").lastError()).contains("127.0.0.1:" + closed);
            assertThat(bot.ledger().status("kernel").messages()).isZero();
        }
    }

    @Test
    void aMentorsOneLineCommandCorrectsTheDecisionAndTriageLearnsFromIt() throws Exception {
        try (Bot bot = bot(Policy.NOTIFY)) {
            bot.pollers().get("kernel").poll();
            deliver(STUDENT);
            bot.pollers().get("kernel").poll();
            String notification = botMailTo(MENTOR).get(0).getMessageID();

            MimeMessage answer = new MimeMessage(Session.getInstance(new Properties()));
            answer.setFrom("Aggelos Economopoulos <" + MENTOR + ">");
            answer.setRecipients(Message.RecipientType.TO, "mentorbot@localhost");
            answer.setSubject("Re: [mentorbot] Inquiry");
            answer.setHeader("In-Reply-To", notification);
            answer.setHeader("Message-ID", "<correction-1@example.org>");
            answer.setSentDate(new Date());
            answer.setText("Thanks, but this one is for the other list.\n\n#mentorbot not-inquiry\n\n> [mentorbot] quoted text\n");
            list.deliver(answer);
            bot.pollers().get("kernel").poll();

            var correction = bot.ledger().correction("<dfly-eval-001@eval.invalid>").orElseThrow();
            assertThat(correction.notInquiry()).isTrue();
            assertThat(correction.mentor()).isEqualTo(MENTOR);
            ArchivedMessage archived = search(bot).message("<dfly-eval-001@eval.invalid>").orElseThrow();
            assertThat(archived.inquiry()).as("the archive keeps the corrected decision").isFalse();
            assertThat(archived.ideaId()).isNull();

            deliver(STUDENT, "Message-ID", "<second-question@example.org>", "Subject", "gsoc: more about virtio drivers");
            bot.pollers().get("kernel").poll();
            String decision = bot.ledger().message("<second-question@example.org>").orElseThrow().decision();
            assertThat(decision).contains("dismissed-before");
        }
    }

    @Test
    void aStudentCannotIssueCommands() throws Exception {
        try (Bot bot = bot(Policy.NOTIFY)) {
            bot.pollers().get("kernel").poll();
            deliver(STUDENT);
            bot.pollers().get("kernel").poll();
            MimeMessage sneaky = new MimeMessage(Session.getInstance(new Properties()));
            sneaky.setFrom("Stéphanie Ouillon <souillon@example.org>");
            sneaky.setHeader("In-Reply-To", "<dfly-eval-001@eval.invalid>");
            sneaky.setHeader("Message-ID", "<sneaky-2@example.org>");
            sneaky.setSubject("Re: gsoc 2011 : about virtio drivers");
            sneaky.setSentDate(new Date());
            sneaky.setText("#mentorbot idea 001-90d202b2f25cdba5/port-valgrind-to-dragonflybsd\n");
            list.deliver(sneaky);
            bot.pollers().get("kernel").poll();
            assertThat(bot.ledger().corrections()).isEmpty();
        }
    }

    @Test
    void aConnectionDroppedMidFetchLosesNothingAndSendsNothingTwice() throws Exception {
        try (CuttingProxy proxy = new CuttingProxy(server.getImap().getPort());
             Bot bot = bot(Policy.NOTIFY, proxy.port())) {
            MailboxPoller poller = bot.pollers().get("kernel");
            poller.poll(); // the first poll: the empty list
            for (int i = 0; i < 6; i++) {
                deliver(Path.of("src/test/resources/messages/git-037.eml"), "Message-ID", "<patch-" + i + "@example.org>",
                        "From", "A Developer <dev@example.org>");
            }
            deliver(STUDENT);
            proxy.arm(12_000); // a few messages into the next fetch
            MailboxPoller.PollResult r = null;
            for (int attempt = 0; attempt < 5 && r == null; attempt++) {
                try {
                    r = poller.poll();
                } catch (org.mentorbot.mail.MailSourceException e) {
                    assertThat(e.isTransient()).isTrue(); // the cut: try again, as the schedule would
                }
            }
            assertThat(proxy.hasCut()).isTrue();
            assertThat(bot.ledger().status("kernel").messages()).isEqualTo(7);
        }
        assertThat(botMailTo(MENTOR)).hasSize(1);
    }

    @Test
    void aRestartedBotStillKnowsTheThreadAndWhoAskedIt() throws Exception {
        try (Bot bot = bot(Policy.NOTIFY)) {
            bot.pollers().get("kernel").poll();
            deliver(STUDENT);
            bot.pollers().get("kernel").poll();
        }
        try (Bot restarted = bot(Policy.NOTIFY)) {
            deliver(STUDENT, "Message-ID", "<follow-up@example.org>", "In-Reply-To", "<dfly-eval-001@eval.invalid>",
                    "References", "<dfly-eval-001@eval.invalid>", "Subject", "Re: gsoc 2011 : about virtio drivers");
            deliver(STUDENT, "Message-ID", "<answer@example.org>", "In-Reply-To", "<dfly-eval-001@eval.invalid>",
                    "References", "<dfly-eval-001@eval.invalid>", "Subject", "Re: gsoc 2011 : about virtio drivers",
                    "From", "Someone Else <else@example.org>");
            restarted.pollers().get("kernel").poll();

            String followUp = restarted.ledger().message("<follow-up@example.org>").orElseThrow().decision();
            String answer = restarted.ledger().message("<answer@example.org>").orElseThrow().decision();
            assertThat(followUp).contains("thread-inquiry-by-sender").contains("\"threadIdea\":{\"id\":\"003-");
            assertThat(answer).contains("thread-inquiry-by-other").contains("\"inquiry\":false");
            assertThat(restarted.ledger().message("<follow-up@example.org>").orElseThrow().threadId())
                    .isEqualTo("<dfly-eval-001@eval.invalid>");
        }
    }
}
