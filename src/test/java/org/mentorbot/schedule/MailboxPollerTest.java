package org.mentorbot.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentorbot.action.BotIdentity;
import org.mentorbot.action.Policy;
import org.mentorbot.action.RateLimitSettings;
import org.mentorbot.action.SmtpSettings;
import org.mentorbot.catalog.MentorDirectory;
import org.mentorbot.mail.SourceAddress;
import org.mentorbot.store.ImapCursor;
import org.mentorbot.store.Ledger;
import org.mentorbot.triage.TriageSettings;

/** The whole poll over real IMAP and SMTP (GreenMail on loopback): what reaches mentors, exactly once. */
class MailboxPollerTest {

    static final Path STUDENT = Path.of("src/test/resources/messages/seed004-student.eml");
    static final String MENTOR = "aoiko@cc.ece.ntua.gr";

    @TempDir
    Path ledgerDir;

    GreenMail server;
    GreenMailUser list;

    @BeforeEach
    void start() {
        server = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP, ServerSetupTest.IMAP}));
        server.start();
        list = server.setUser("list@localhost", "list", "pw");
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    Bot bot(Policy policy) throws Exception {
        return bot(policy, server.getImap().getPort());
    }

    Bot bot(Policy policy, int imapPort) throws Exception {
        BotConfig config = new BotConfig(new BotIdentity("mentorbot@localhost", "mentorbot", "mentorbot@localhost"),
                new SmtpSettings("127.0.0.1", server.getSmtp().getPort(), false, false, null, null, 5000, 5000),
                ledgerDir, Duration.ofDays(2), Duration.ofSeconds(5), new RateLimitSettings(10, 40, 60), "0 0 8 * * ?", 0,
                List.of(new MailboxConfig("kernel", SourceAddress.parse("imap://list@127.0.0.1:" + imapPort + "/INBOX"), "pw",
                        "0 */5 * * * ?", List.of(Path.of("config/catalogs")), policy, "kernel@lists.dragonflybsd.org", false, false)));
        return new Bot(config, Path.of("config"), MentorDirectory.load(Path.of("config/mentors.txt")), TriageSettings.defaults(),
                Clock.systemUTC());
    }

    /** Delivers the stored message to the list as if it had just been sent, with extra headers if given. */
    void deliver(Path eml, String... headers) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(Files.readAllBytes(eml)));
        // the pipermail copy kept no address; give the student one to be answered at
        m.setFrom(new jakarta.mail.internet.InternetAddress("souillon@example.org", "Stéphanie Ouillon", "UTF-8"));
        m.setSentDate(new Date());
        for (int i = 0; i + 1 < headers.length; i += 2) m.setHeader(headers[i], headers[i + 1]);
        list.deliver(m);
    }

    /** The bot's distinct mails (the server stores one copy per recipient) addressed to someone. */
    List<MimeMessage> botMailTo(String address) throws Exception {
        java.util.Set<String> ids = new java.util.HashSet<>();
        return Arrays.stream(server.getReceivedMessages()).filter(m -> {
            try {
                return m.getHeader("Auto-Submitted") != null && Arrays.stream(m.getAllRecipients() == null
                        ? new jakarta.mail.Address[0] : m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
            } catch (Exception e) {
                return false;
            }
        }).filter(m -> {
            try {
                return ids.add(m.getMessageID());
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

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
}
