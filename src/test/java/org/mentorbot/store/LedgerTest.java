package org.mentorbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mentorbot.store.Fixtures.T0;
import static org.mentorbot.store.Fixtures.message;
import static org.mentorbot.store.Fixtures.notification;
import static org.mentorbot.store.Fixtures.reply;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LedgerTest {
    private Ledger ledger;

    @BeforeEach
    void open() {
        ledger = Ledger.inMemory(Fixtures.uniqueName());
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void recordsMessageWithItsIntentsAndReadsItBack() {
        MessageRecord message = message("<a@x>");
        assertThat(ledger.record(message, List.of(notification(message, "mentor@x"), reply(message)))).isTrue();

        assertThat(ledger.knows("<a@x>")).isTrue();
        assertThat(ledger.knows("<b@x>")).isFalse();
        assertThat(ledger.message("<a@x>")).contains(message);
        List<OutboxEntry> outbox = ledger.outbox("<a@x>");
        assertThat(outbox).extracting(OutboxEntry::state).containsOnly(OutboxState.PENDING);
        assertThat(outbox).extracting(entry -> entry.mail().kind()).containsExactly("notify", "reply");
        OutgoingMail stored = outbox.get(0).mail();
        assertThat(stored.envelopeTo()).containsExactly("mentor@x", "cc@example.org");
        assertThat(stored.mime()).isEqualTo(notification(message, "mentor@x").mime());
        assertThat(stored.messageId()).isEqualTo("<notify-<a@x>-mentor@x>");
    }

    @Test
    void sameMessageIdTwiceIsRecordedOnceWithoutExtraMails() {
        MessageRecord first = message("<a@x>", "list-one", true, T0);
        MessageRecord crossPosted = message("<a@x>", "list-two", true, T0.plusSeconds(5));
        assertThat(ledger.record(first, List.of(notification(first, "mentor@x")))).isTrue();
        OutgoingMail other = Fixtures.mail("notify", crossPosted, "other@x", "<other>");

        assertThat(ledger.record(crossPosted, List.of(other))).isFalse();

        assertThat(ledger.outbox("<a@x>")).hasSize(1);
        assertThat(ledger.pending(10)).hasSize(1);
        assertThat(ledger.message("<a@x>").orElseThrow().mailbox()).isEqualTo("list-one");
        assertThat(ledger.messages("list-two", 10)).isEmpty();
    }

    @Test
    void failedRecordWritesNothing() {
        MessageRecord message = message("<a@x>");
        OutgoingMail mail = notification(message, "mentor@x");
        // Two intents with one outgoing Message-ID break the outbox's unique key after the message row went in.
        assertThatThrownBy(() -> ledger.record(message, List.of(mail, mail))).isInstanceOf(LedgerException.class);
        assertThat(ledger.knows("<a@x>")).isFalse();
        assertThat(ledger.pending(10)).isEmpty();
    }

    @Test
    void intentsMustBeAboutTheRecordedMessage() {
        MessageRecord message = message("<a@x>");
        OutgoingMail stray = notification(message("<other@x>"), "mentor@x");
        assertThatThrownBy(() -> ledger.record(message, List.of(stray))).isInstanceOf(IllegalArgumentException.class);
        assertThat(ledger.knows("<a@x>")).isFalse();
    }

    @Test
    void messagesNewestFirstAndInquiriesSince() {
        ledger.record(message("<1>", "box", true, T0), List.of());
        ledger.record(message("<2>", "box", false, T0.plusSeconds(10)), List.of());
        ledger.record(message("<3>", "box", true, T0.plusSeconds(20)), List.of());
        ledger.record(message("<4>", "elsewhere", true, T0.plusSeconds(30)), List.of());

        assertThat(ledger.messages("box", 2)).extracting(MessageRecord::messageId).containsExactly("<3>", "<2>");
        assertThat(ledger.inquiriesSince(T0.plusSeconds(5))).extracting(MessageRecord::messageId)
                .containsExactly("<3>", "<4>");
    }

    @Test
    void imapCursorIsUpserted() {
        assertThat(ledger.imapCursor("box", "INBOX")).isEmpty();
        ledger.saveImapCursor("box", "INBOX", new ImapCursor(7, 100));
        ledger.saveImapCursor("box", "INBOX", new ImapCursor(7, 150));
        ledger.saveImapCursor("box", "Archive", new ImapCursor(9, 3));

        assertThat(ledger.imapCursor("box", "INBOX")).contains(new ImapCursor(7, 150));
        assertThat(ledger.imapCursor("box", "Archive")).contains(new ImapCursor(9, 3));
        assertThat(ledger.imapCursor("other", "INBOX")).isEmpty();
    }

    @Test
    void uidlsAreRememberedPerMailbox() {
        assertThat(ledger.uidlSeen("pop", "u1")).isFalse();
        ledger.markUidlSeen("pop", "u1");
        ledger.markUidlSeen("pop", "u1");
        assertThat(ledger.uidlSeen("pop", "u1")).isTrue();
        assertThat(ledger.uidlSeen("pop", "u2")).isFalse();
        assertThat(ledger.uidlSeen("other", "u1")).isFalse();
    }

    @Test
    void claimIsExclusive() {
        long id = recordOneMail("<a@x>");
        assertThat(ledger.claim(id)).isTrue();
        assertThat(ledger.claim(id)).isFalse();
        assertThat(ledger.sending()).extracting(OutboxEntry::id).containsExactly(id);
        assertThat(ledger.pending(10)).isEmpty();
    }

    @Test
    void retryableFailureReturnsToPendingAndCountsAttempts() {
        long id = recordOneMail("<a@x>");
        ledger.claim(id);
        ledger.markFailed(id, "421 try later", true);
        OutboxEntry retried = ledger.pending(10).get(0);
        assertThat(retried.state()).isEqualTo(OutboxState.PENDING);
        assertThat(retried.attempts()).isEqualTo(1);
        assertThat(retried.lastError()).isEqualTo("421 try later");

        assertThat(ledger.claim(id)).isTrue();
        ledger.markFailed(id, "550 no such user", false);
        OutboxEntry failed = ledger.outbox("<a@x>").get(0);
        assertThat(failed.state()).isEqualTo(OutboxState.FAILED);
        assertThat(failed.attempts()).isEqualTo(2);
        assertThat(failed.lastError()).isEqualTo("550 no such user");
        assertThat(ledger.claim(id)).isFalse();
    }

    @Test
    void sentAndSuppressedAreFinal() {
        long sent = recordOneMail("<a@x>");
        ledger.claim(sent);
        ledger.markSent(sent);
        assertThat(ledger.outbox("<a@x>").get(0).state()).isEqualTo(OutboxState.SENT);
        assertThat(ledger.claim(sent)).isFalse();
        assertThatThrownBy(() -> ledger.markSuppressed(sent, "late")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SENT");

        long suppressed = recordOneMail("<b@x>");
        ledger.markSuppressed(suppressed, "mentor rate limit");
        OutboxEntry entry = ledger.outbox("<b@x>").get(0);
        assertThat(entry.state()).isEqualTo(OutboxState.SUPPRESSED);
        assertThat(entry.lastError()).isEqualTo("mentor rate limit");
        assertThat(ledger.claim(suppressed)).isFalse();
    }

    @Test
    void markSentRequiresAClaim() {
        long id = recordOneMail("<a@x>");
        assertThatThrownBy(() -> ledger.markSent(id)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PENDING");
        assertThatThrownBy(() -> ledger.markSent(9999)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no mail 9999");
        assertThat(ledger.pending(10)).extracting(OutboxEntry::id).containsExactly(id);
    }

    @Test
    void pendingIsOldestFirstAndBounded() {
        long first = recordOneMail("<1>");
        long second = recordOneMail("<2>");
        recordOneMail("<3>");
        assertThat(ledger.pending(2)).extracting(OutboxEntry::id).containsExactly(first, second);
    }

    @Test
    void enqueueIsIdempotentOnTheOutgoingMessageId() {
        OutgoingMail digest = new OutgoingMail("digest", null, "mentor@x", List.of("mentor@x"), "<digest-1>",
                null, null, new byte[] {1, 2, 3});
        long id = ledger.enqueue(digest);
        assertThat(ledger.enqueue(digest)).isEqualTo(id);
        assertThat(ledger.pending(10)).extracting(OutboxEntry::id).containsExactly(id);
        assertThat(ledger.pending(10).get(0).mail().inquiryMessageId()).isNull();
    }

    @Test
    void repliedInThreadIgnoresFailedAndSuppressedReplies() {
        MessageRecord message = message("<a@x>");
        ledger.record(message, List.of(reply(message), notification(message, "mentor@x")));
        String thread = message.threadId();
        long replyId = ledger.outbox("<a@x>").get(0).id();

        assertThat(ledger.repliedInThread("STUDENT@example.org", thread)).isTrue();
        assertThat(ledger.repliedInThread("someone@else", thread)).isFalse();
        assertThat(ledger.repliedInThread("student@example.org", "<other-thread>")).isFalse();

        ledger.markSuppressed(replyId, "duplicate");
        assertThat(ledger.repliedInThread("student@example.org", thread)).isFalse();
    }

    @Test
    void repliedInThreadCountsOnlyReplies() {
        MessageRecord message = message("<a@x>");
        ledger.record(message, List.of(Fixtures.mail("notify", message, "mentor@x", "<n>")));
        assertThat(ledger.repliedInThread(message.sender(), message.threadId())).isFalse();
    }

    @Test
    void sentCountsFollowTheClock() {
        MutableClock clock = new MutableClock(T0);
        try (Ledger timed = Ledger.open("jdbc:h2:mem:" + Fixtures.uniqueName() + ";DB_CLOSE_DELAY=-1", "sa", "",
                clock)) {
            MessageRecord a = message("<a@x>");
            MessageRecord b = message("<b@x>");
            timed.record(a, List.of(notification(a, "mentor@x"), notification(a, "other@x")));
            timed.record(b, List.of(notification(b, "Mentor@X")));
            List<Long> ids = timed.pending(10).stream().map(OutboxEntry::id).toList();

            clock.now = T0.plusSeconds(60);
            timed.claim(ids.get(0));
            timed.markSent(ids.get(0));
            clock.now = T0.plusSeconds(120);
            timed.claim(ids.get(2));

            assertThat(timed.sentTo("mentor@x", T0)).isEqualTo(2);
            assertThat(timed.sentTo("mentor@x", T0.plusSeconds(90))).isEqualTo(1);
            assertThat(timed.sentTo("other@x", T0)).isZero();
            assertThat(timed.sentSince(T0)).isEqualTo(2);
            assertThat(timed.sentSince(T0.plusSeconds(121))).isZero();

            timed.markFailed(ids.get(2), "timeout", true);
            assertThat(timed.sentSince(T0)).isEqualTo(1);
        }
    }

    @Test
    void statusCountsPerMailbox() {
        MessageRecord inquiry = message("<1>", "box", true, T0);
        ledger.record(inquiry, List.of(notification(inquiry, "m1@x"), notification(inquiry, "m2@x"), reply(inquiry)));
        ledger.record(message("<2>", "box", false, T0), List.of());
        MessageRecord elsewhere = message("<3>", "other", true, T0);
        ledger.record(elsewhere, List.of(notification(elsewhere, "m1@x")));
        long sent = ledger.outbox("<1>").get(0).id();
        ledger.claim(sent);
        ledger.markSent(sent);
        ledger.recordPoll("box", T0, 5, 2, null);
        ledger.recordPoll("box", T0.plusSeconds(60), 0, 0, "connection refused");

        MailboxStatus status = ledger.status("box");
        assertThat(status).isEqualTo(new MailboxStatus("box", T0.plusSeconds(60), "connection refused", 2, 1, 0, null, 2, 1));

        ledger.recordPoll("box", T0.plusSeconds(120), 1, 1, null);
        assertThat(ledger.status("box").lastError()).isNull();
        assertThat(ledger.status("never")).isEqualTo(new MailboxStatus("never", null, null, 0, 0, 0, null, 0, 0));
        ledger.saveImapCursor("imap-only", "INBOX", new ImapCursor(1, 1));
        assertThat(ledger.mailboxes()).containsExactly("box", "imap-only", "other");
    }

    @Test
    void correctionsLatestWins() {
        ledger.recordCorrection(new Correction("<a@x>", "mentor@x", "idea-2", false, T0));
        ledger.recordCorrection(new Correction("<a@x>", "other@x", null, true, T0.plusSeconds(60)));
        ledger.recordCorrection(new Correction("<b@x>", "mentor@x", "idea-3", false, T0.plusSeconds(30)));

        assertThat(ledger.correction("<a@x>"))
                .contains(new Correction("<a@x>", "other@x", null, true, T0.plusSeconds(60)));
        assertThat(ledger.correction("<c@x>")).isEmpty();
        assertThat(ledger.corrections()).extracting(Correction::messageId).containsExactly("<a@x>", "<b@x>", "<a@x>");
    }

    @Test
    void errorsNameTheDatabaseButNoPassword() {
        assertThatThrownBy(() -> Ledger.open("jdbc:h2:mem:" + Fixtures.uniqueName() + ";PASSWORD=hunter2;X=1",
                "sa", "hunter2"))
                .isInstanceOf(LedgerException.class)
                .hasMessageContaining("jdbc:h2:mem:")
                .hasMessageNotContaining("hunter2");
        assertThat(JdbcUrls.redact("jdbc:postgresql://bot:s3cret@db/ledger?user=bot&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://bot:***@db/ledger?user=bot&password=***&ssl=true");
    }

    @Test
    void operationsOnAClosedLedgerFailWithTheDatabaseName() {
        Ledger closed = Ledger.inMemory("closed-" + Fixtures.uniqueName());
        closed.close();
        assertThatThrownBy(() -> closed.knows("<a@x>")).isInstanceOf(LedgerException.class)
                .hasMessageContaining("jdbc:h2:mem:closed-").hasMessageContaining("look up message <a@x>");
    }

    private long recordOneMail(String messageId) {
        MessageRecord message = message(messageId);
        ledger.record(message, List.of(notification(message, "mentor@x")));
        return ledger.outbox(messageId).get(0).id();
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
