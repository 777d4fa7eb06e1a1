package org.mentorbot.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorbot.mail.ImapMailbox;
import org.mentorbot.mail.SourceAddress;
import org.mentorbot.store.Ledger;
import org.mentorbot.store.OutboxState;
import org.mentorbot.store.OutgoingMail;

/** Crash recovery of the outbox against real SMTP and IMAP (GreenMail): never twice, never lost. */
class OutboxTest {

    GreenMail server;
    Ledger ledger;
    SmtpSender sender;

    @BeforeEach
    void start() {
        server = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP, ServerSetupTest.IMAP}));
        server.start();
        server.setUser("bot@localhost", "bot", "pw");
        ledger = Ledger.inMemory("outbox-" + System.nanoTime());
        sender = new SmtpSender(new SmtpSettings("127.0.0.1", server.getSmtp().getPort(), false, false, null, null, 5000, 5000));
    }

    @AfterEach
    void stop() {
        sender.close();
        ledger.close();
        server.stop();
    }

    Outbox outbox(Clock clock) {
        SourceAddress self = SourceAddress.parse("imap://bot@127.0.0.1:" + server.getImap().getPort() + "/INBOX");
        return new Outbox(ledger, sender, "bot@localhost", id -> {
            try (ImapMailbox imap = new ImapMailbox(self, "pw", Duration.ofSeconds(5))) {
                return imap.holds(id);
            }
        }, Duration.ofMinutes(10), clock);
    }

    static OutgoingMail mail(String id) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom("bot@localhost");
        m.setRecipients(MimeMessage.RecipientType.TO, "mentor@localhost");
        m.setSubject("[mentorbot] test " + id);
        m.setText("hello");
        m.saveChanges();
        m.setHeader("Message-ID", id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return new OutgoingMail("notify", null, "mentor@localhost", List.of("mentor@localhost"), id, null, null, out.toByteArray());
    }

    @Test
    void aMailSentJustBeforeACrashIsConfirmedByItsCopyAndNotSentAgain() throws Exception {
        OutgoingMail m = mail("<sent-before-crash@localhost>");
        long id = ledger.enqueue(m);
        assertThat(ledger.claim(id)).isTrue();
        sender.send(new OutgoingMail(m.kind(), null, m.recipient(), List.of("mentor@localhost", "bot@localhost"),
                m.messageId(), null, null, m.mime())); // ... and the process dies before markSent
        int before = server.getReceivedMessages().length;

        outbox(Clock.systemUTC()).flush(); // the restarted bot

        assertThat(ledger.outgoing(m.messageId()).orElseThrow().state()).isEqualTo(OutboxState.SENT);
        assertThat(server.getReceivedMessages()).hasSize(before);
    }

    @Test
    void aMailLostInACrashIsSentAgainOnceItsCopyFailedToArrive() throws Exception {
        OutgoingMail m = mail("<lost-in-crash@localhost>");
        long id = ledger.enqueue(m);
        assertThat(ledger.claim(id)).isTrue(); // the process dies before the SMTP transaction

        outbox(Clock.systemUTC()).flush();
        assertThat(ledger.outgoing(m.messageId()).orElseThrow().state()).isEqualTo(OutboxState.SENDING); // too early to tell

        outbox(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(11))).flush();
        assertThat(ledger.outgoing(m.messageId()).orElseThrow().state()).isEqualTo(OutboxState.SENT);
        assertThat(server.getReceivedMessages()).hasSize(2); // the mentor's mail and the bot's copy, once each
    }

    @Test
    void withoutACopyMailboxAMailInDoubtIsNeverResent() throws Exception {
        OutgoingMail m = mail("<in-doubt@localhost>");
        long id = ledger.enqueue(m);
        assertThat(ledger.claim(id)).isTrue();

        new Outbox(ledger, sender).flush();

        assertThat(ledger.outgoing(m.messageId()).orElseThrow().state()).isEqualTo(OutboxState.FAILED);
        assertThat(server.getReceivedMessages()).isEmpty();
    }
}
