package org.mentorbot.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** IMAP and POP3 against GreenMail's real servers on loopback. */
class RemoteMailboxTest {

    private GreenMail server;

    @BeforeEach
    void start() {
        server = new GreenMail(new ServerSetup[] {ServerSetupTest.SMTP, ServerSetupTest.IMAP, ServerSetupTest.POP3});
        server.setUser("bot@localhost", "bot", "secret-pw");
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private void deliver(String subject) {
        GreenMailUtil.sendTextEmail("bot@localhost", "student@uni.example", subject, "Hello " + subject, ServerSetupTest.SMTP);
    }

    private ImapMailbox imap() {
        return new ImapMailbox(SourceAddress.parse("imap://bot@127.0.0.1:" + ServerSetupTest.IMAP.getPort() + "/INBOX"),
                "secret-pw", Duration.ofSeconds(5));
    }

    @Test
    void imapDeliversOnlyMessagesAboveTheLastUidInOrder() throws Exception {
        deliver("one");
        deliver("two");
        List<FetchedMessage> got = new ArrayList<>();
        try (ImapMailbox mailbox = imap()) {
            ImapMailbox.Batch first = mailbox.fetchAfter(null, 0, 100, got::add);
            assertThat(first.count()).isEqualTo(2);
            assertThat(new String(got.get(0).raw().bytes())).contains("Subject: one");
            assertThat(got.get(1).uid()).isGreaterThan(got.get(0).uid()).isEqualTo(first.highestUid());

            ImapMailbox.Batch nothing = mailbox.fetchAfter(first.uidValidity(), first.highestUid(), 100, got::add);
            assertThat(nothing.count()).isZero();
            assertThat(got).hasSize(2);

            deliver("three");
            ImapMailbox.Batch next = mailbox.fetchAfter(first.uidValidity(), first.highestUid(), 100, got::add);
            assertThat(next.count()).isEqualTo(1);
            assertThat(new String(got.get(2).raw().bytes())).contains("Subject: three");
            assertThat(next.reset()).isFalse();
        }
    }

    @Test
    void imapRereadsTheWholeFolderWhenUidValidityChanged() throws Exception {
        deliver("one");
        deliver("two");
        List<FetchedMessage> got = new ArrayList<>();
        try (ImapMailbox mailbox = imap()) {
            ImapMailbox.Batch batch = mailbox.fetchAfter(-42L, 1_000_000, 100, got::add);
            assertThat(batch.reset()).isTrue();
            assertThat(got).hasSize(2);
        }
    }

    @Test
    void imapFetchesAtMostMaxAndResumesAfterwards() throws Exception {
        for (int i = 0; i < 5; i++) deliver("m" + i);
        List<FetchedMessage> got = new ArrayList<>();
        try (ImapMailbox mailbox = imap()) {
            ImapMailbox.Batch first = mailbox.fetchAfter(null, 0, 3, got::add);
            ImapMailbox.Batch rest = mailbox.fetchAfter(first.uidValidity(), first.highestUid(), 3, got::add);
            assertThat(first.count()).isEqualTo(3);
            assertThat(rest.count()).isEqualTo(2);
            assertThat(got).extracting(FetchedMessage::uid).doesNotHaveDuplicates().isSorted();
        }
    }

    @Test
    void pop3SkipsSeenUidls() throws Exception {
        deliver("one");
        deliver("two");
        Set<String> seen = new HashSet<>();
        List<FetchedMessage> got = new ArrayList<>();
        SourceAddress address = SourceAddress.parse("pop3://bot@127.0.0.1:" + ServerSetupTest.POP3.getPort());
        try (Pop3Mailbox mailbox = new Pop3Mailbox(address, "secret-pw", Duration.ofSeconds(5))) {
            assertThat(mailbox.fetchUnseen(seen::contains, 100, m -> {
                got.add(m);
                seen.add(m.uidl());
            })).isEqualTo(2);
            deliver("three");
            assertThat(mailbox.fetchUnseen(seen::contains, 100, got::add)).isEqualTo(1);
        }
        assertThat(got).extracting(FetchedMessage::uidl).doesNotHaveDuplicates().doesNotContainNull();
        assertThat(new String(got.get(2).raw().bytes())).contains("Subject: three");
    }

    @Test
    void aServerThatIsDownIsATransientFailureThatNamesTheMailboxButNotThePassword() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SourceAddress address = SourceAddress.parse("imap://bot@127.0.0.1:" + closedPort + "/INBOX");
        try (ImapMailbox mailbox = new ImapMailbox(address, "secret-pw", Duration.ofSeconds(2))) {
            assertThatThrownBy(() -> mailbox.fetchAfter(null, 0, 10, m -> { }))
                    .isInstanceOfSatisfying(MailSourceException.class, e -> {
                        assertThat(e.isTransient()).isTrue();
                        assertThat(e.getMessage()).contains("127.0.0.1:" + closedPort).doesNotContain("secret-pw");
                    });
        }
    }

    @Test
    void aWrongPasswordIsNotTransient() {
        try (ImapMailbox mailbox = new ImapMailbox(
                SourceAddress.parse("imap://bot@127.0.0.1:" + ServerSetupTest.IMAP.getPort() + "/INBOX"), "wrong",
                Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> mailbox.fetchAfter(null, 0, 10, m -> { }))
                    .isInstanceOfSatisfying(MailSourceException.class, e -> assertThat(e.isTransient()).isFalse());
        }
    }

    @Test
    void sourceUrlsAreParsedAndSecretsRefused() {
        SourceAddress imaps = SourceAddress.parse("imaps://bot@mail.example.org/Lists/kernel");
        assertThat(imaps.port()).isEqualTo(993);
        assertThat(imaps.folder()).isEqualTo("Lists/kernel");
        assertThat(SourceAddress.parse("maildir:/var/mail/bot").path().toString()).isEqualTo("/var/mail/bot");
        assertThatThrownBy(() -> SourceAddress.parse("imap://bot:hunter2@host/INBOX"))
                .hasMessageContaining("password").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> SourceAddress.parse("gopher://host")).hasMessageContaining("unknown protocol");
    }
}
