package org.mentorbot.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.mentorbot.action.Policy;
import org.mentorbot.archive.ArchiveAnalyzer;
import org.mentorbot.archive.ArchiveQuery;
import org.mentorbot.archive.ArchiveSearch;
import org.mentorbot.mail.HostileMail;
import org.mentorbot.store.MailboxStatus;
import org.mentorbot.store.UnreadableRecord;

/**
 * A hostile message between good ones, over real IMAP: it is recorded as unreadable with its bytes and its
 * reason, every good message after it is read, and the next poll finds nothing new.
 */
class PoisonMessageTest extends BotOnGreenMail {

    @Test
    void aPoisonMessageIsRecordedAsUnreadableAndThePollGoesOnPastIt() throws Exception {
        byte[] poison = HostileMail.deepMultipart("<poison@example.org>", 1_000);
        try (Bot bot = bot(Policy.NOTIFY)) {
            MailboxPoller poller = bot.pollers().get("kernel");
            deliverRaw(HostileMail.plain("<before@example.org>", "a patch review"));
            deliverRaw(poison);
            deliverRaw(HostileMail.stackedReplies("<stacked@example.org>", 1_000));
            deliverRaw(HostileMail.plain("<after@example.org>", "another message"));

            MailboxPoller.PollResult first = poller.poll();
            assertThat(first.fetched()).isEqualTo(4);
            assertThat(first.recorded()).isEqualTo(3);
            assertThat(first.unreadable()).isEqualTo(1);
            for (String id : new String[] {"<before@example.org>", "<stacked@example.org>", "<after@example.org>"}) {
                assertThat(bot.ledger().knows(id)).as(id).isTrue();
            }

            UnreadableRecord kept = bot.ledger().unreadable("kernel", 10).get(0);
            assertThat(kept.messageId()).isEqualTo("<poison@example.org>");
            assertThat(kept.reason()).contains("nested more than");
            assertThat(new String(kept.raw(), java.nio.charset.StandardCharsets.US_ASCII))
                    .contains("Message-ID: <poison@example.org>").contains("at the bottom");
            MailboxStatus status = bot.ledger().status("kernel");
            assertThat(status.unreadable()).isEqualTo(1);
            assertThat(status.lastUnreadable()).contains("nested more than");
            assertThat(status.lastError()).isNull();

            ArchiveSearch search = new ArchiveSearch(bot.archive(),
                    new ArchiveQuery(new ArchiveAnalyzer(), java.time.Clock.systemUTC()), new ArchiveAnalyzer());
            assertThat(search.search("is:unreadable", 1, 10).totalMessages()).isEqualTo(1);
            // As the server delivered it (GreenMail turns the header's line ends into CRLF), in both stores.
            assertThat(java.util.Arrays.equals(bot.archive().raw("<poison@example.org>").orElseThrow(), kept.raw())).isTrue();

            MailboxPoller.PollResult second = poller.poll();
            assertThat(second.fetched()).isZero();
            assertThat(second.unreadable()).isZero();
        }
    }

    @Test
    void aPoisonMessageInALocalMailboxIsRecordedOnceHoweverOftenTheMailboxIsReRead() throws Exception {
        java.nio.file.Path mbox = ledgerDir.resolve("list.mbox");
        StringBuilder text = new StringBuilder();
        for (byte[] m : new byte[][] {HostileMail.plain("<one@example.org>", "one"),
                HostileMail.deepMultipart("<poison@example.org>", 5_000), HostileMail.plain("<two@example.org>", "two")}) {
            text.append("From someone@example.org Mon Jan  1 10:00:00 2024\n").append(new String(m, java.nio.charset.StandardCharsets.US_ASCII)).append('\n');
        }
        java.nio.file.Files.writeString(mbox, text);
        try (Bot bot = localBot(mbox)) {
            MailboxPoller poller = bot.pollers().get("kernel");
            MailboxPoller.PollResult first = poller.poll();
            assertThat(first.recorded()).isEqualTo(2);
            assertThat(first.unreadable()).isEqualTo(1);
            MailboxPoller.PollResult again = poller.poll();
            assertThat(again.recorded()).isZero();
            assertThat(again.unreadable()).isZero();
            assertThat(again.duplicates()).isEqualTo(3);
            assertThat(bot.ledger().status("kernel").unreadable()).isEqualTo(1);
        }
    }

    /** Delivers bytes as they are, as an SMTP server would store them. */
    private void deliverRaw(byte[] raw) throws Exception {
        list.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
    }
}
