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
import org.mentorbot.triage.TriageSettings;

/** A bot wired to GreenMail's real IMAP and SMTP servers on loopback, for the bot's integration tests. */
abstract class BotOnGreenMail {

    static final Path STUDENT = Path.of("src/test/resources/messages/seed004-student.eml");
    static final String MENTOR = "aoiko@cc.ece.ntua.gr";

    @TempDir
    Path ledgerDir;
    @TempDir
    Path archiveDir;

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
        return bot(policy, imapPort, archiveDir);
    }

    /** @param archive the archive directory, or null for a bot that archives nothing */
    Bot bot(Policy policy, int imapPort, Path archive) throws Exception {
        return bot(policy, SourceAddress.parse("imap://list@127.0.0.1:" + imapPort + "/INBOX"), archive);
    }

    /** A bot watching a local mbox instead of the IMAP mailbox. */
    Bot localBot(Path mbox) throws Exception {
        return bot(Policy.NOTIFY, SourceAddress.parse("mbox:" + mbox.toAbsolutePath()), archiveDir);
    }

    Bot bot(Policy policy, SourceAddress source, Path archive) throws Exception {
        BotConfig config = new BotConfig(new BotIdentity("mentorbot@localhost", "mentorbot", "mentorbot@localhost"),
                new SmtpSettings("127.0.0.1", server.getSmtp().getPort(), false, false, null, null, 5000, 5000),
                ledgerDir, Duration.ofDays(2), Duration.ofSeconds(5), new RateLimitSettings(10, 40, 60), "0 0 8 * * ?", 0,
                List.of(new MailboxConfig("kernel", source, "pw",
                        "0 */5 * * * ?", List.of(Path.of("config/catalogs")), policy, "kernel@lists.dragonflybsd.org", false, false)), null,
                Duration.ofMinutes(10), archive);
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
}
