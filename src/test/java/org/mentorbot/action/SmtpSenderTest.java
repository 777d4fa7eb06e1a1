package org.mentorbot.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mentorbot.action.Fixtures.ALICE;
import static org.mentorbot.action.Fixtures.BOB;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mentorbot.catalog.Idea;
import org.mentorbot.mail.MailMessage;
import org.mentorbot.store.OutgoingMail;

class SmtpSenderTest {

    private static final String PASSWORD = "s3cret-Pa55word";

    private GreenMail greenMail;

    @BeforeEach
    void start() {
        greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
    }

    @AfterEach
    void stop() {
        greenMail.stop();
    }

    private static SmtpSettings settings(int port, String user, String password) {
        return new SmtpSettings("127.0.0.1", port, false, false, user, password, 5_000, 5_000);
    }

    private static OutgoingMail reply() {
        MailComposer composer = new MailComposer(Fixtures.BOT, Templates.defaults());
        Idea pager = Fixtures.idea("Rewrite the pager in C", ALICE, BOB);
        MailMessage m = Fixtures.mail("<q1@uni.example>", "Zoë Student", "zoe@uni.example", "[GSoC] Pager rewrite",
                List.of(), Map.of());
        return composer.replyToStudent(m, Fixtures.decision(m, pager), "t", false, null);
    }

    @Test
    void theServerReceivesTheComposedMailUnchanged() throws Exception {
        OutgoingMail mail = reply();
        try (SmtpSender sender = new SmtpSender(settings(greenMail.getSmtp().getPort(), null, null))) {
            assertThat(sender.send(mail)).isEmpty();
        }

        MimeMessage[] received = greenMail.getReceivedMessages();
        // One copy per envelope recipient: the student and both mentors.
        assertThat(received).hasSize(3);
        MimeMessage first = received[0];
        assertThat(first.getMessageID()).isEqualTo(mail.messageId());
        assertThat(first.getSubject()).isEqualTo("Re: [GSoC] Pager rewrite");
        assertThat(first.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(Arrays.stream(first.getRecipients(RecipientType.CC)).map(Object::toString))
                .containsExactly("Alice Mentor <alice@example.org>", "Bob Mentor <bob@example.org>");
        MimeMessage composed = Fixtures.parse(mail.mime());
        // SMTP's end-of-data dot swallows the final line break; everything else must be identical.
        assertThat(((String) first.getContent()).strip()).isEqualTo(((String) composed.getContent()).strip())
                .contains("Hello Zoë Student,");
        assertThat(body(first)).isEqualTo(body(composed));
    }

    @Test
    void aSecondSendReusesTheConnectionAndKeepsEachMessageId() throws Exception {
        OutgoingMail a = reply();
        OutgoingMail b = reply();
        try (SmtpSender sender = new SmtpSender(settings(greenMail.getSmtp().getPort(), null, null))) {
            sender.send(a);
            sender.send(a); // a retry: the very same mail again
            sender.send(b);
        }
        assertThat(Arrays.stream(greenMail.getReceivedMessages()).map(SmtpSenderTest::id))
                .containsExactlyInAnyOrder(a.messageId(), a.messageId(), a.messageId(), a.messageId(), a.messageId(),
                        a.messageId(), b.messageId(), b.messageId(), b.messageId());
    }

    @Test
    void aClosedPortIsARetryableFailureWithoutThePassword() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        try (SmtpSender sender = new SmtpSender(settings(port, "bot", PASSWORD))) {
            assertThatThrownBy(() -> sender.send(reply()))
                    .isInstanceOfSatisfying(SendException.class, e -> {
                        assertThat(e.retryable()).isTrue();
                        assertThat(e.getMessage()).contains("127.0.0.1:" + port).doesNotContain(PASSWORD);
                        assertThat(e.getCause()).isNull();
                    });
        }
    }

    @Test
    void aRejectedPasswordDoesNotAppearInTheError() throws Exception {
        greenMail.setUser("bot@lists.example.org", "bot", "the-right-one");
        try (SmtpSender sender = new SmtpSender(settings(greenMail.getSmtp().getPort(), "bot", PASSWORD))) {
            assertThatThrownBy(() -> sender.send(reply()))
                    .isInstanceOfSatisfying(SendException.class,
                            e -> assertThat(e.getMessage()).doesNotContain(PASSWORD).contains("Authentication"));
        }
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        assertThat(settings(25, "bot", PASSWORD).toString()).doesNotContain(PASSWORD);
    }

    @Test
    void aPermanentRejectionIsNotRetryable() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("550 5.1.1 no such user");
             SmtpSender sender = new SmtpSender(settings(server.port(), null, null))) {
            assertThatThrownBy(() -> sender.send(reply()))
                    .isInstanceOfSatisfying(SendException.class, e -> assertThat(e.retryable()).isFalse());
        }
    }

    @Test
    void aTemporaryRejectionIsRetryable() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("451 4.3.0 try again later");
             SmtpSender sender = new SmtpSender(settings(server.port(), null, null))) {
            assertThatThrownBy(() -> sender.send(reply()))
                    .isInstanceOfSatisfying(SendException.class, e -> assertThat(e.retryable()).isTrue());
        }
    }

    @Test
    void settingsRefuseTimeoutsThatWouldWaitForever() {
        assertThatThrownBy(() -> new SmtpSettings("h", 25, false, false, null, null, 0, 1000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeouts");
    }

    private static String id(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String body(MimeMessage m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.getRawInputStream().transferTo(out);
        return out.toString(java.nio.charset.StandardCharsets.US_ASCII).replace("\r\n", "\n").strip();
    }
}
