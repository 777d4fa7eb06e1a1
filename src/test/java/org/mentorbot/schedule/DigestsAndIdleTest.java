package org.mentorbot.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mentorbot.action.Policy;
import org.mentorbot.mail.SourceAddress;

/** The daily digest and IMAP IDLE, over GreenMail. */
class DigestsAndIdleTest extends BotOnGreenMail {

    @Test
    void eachMentorGetsOneDigestADayListingTheirUnansweredInquiries() throws Exception {
        try (Bot bot = bot(Policy.DRY_RUN)) {
            bot.pollers().get("kernel").poll();
            deliver(STUDENT);
            bot.pollers().get("kernel").poll();
            assertThat(bot.digests().send()).isEqualTo(1);
            assertThat(bot.digests().send()).isZero(); // same day: nothing more
        }
        var digests = Arrays.stream(server.getReceivedMessages()).filter(m -> {
            try {
                return "auto-generated".equals(m.getHeader("Auto-Submitted", null));
            } catch (Exception e) {
                return false;
            }
        }).toList();
        assertThat(digests).hasSize(1);
        assertThat(digests.get(0).getAllRecipients()[0].toString()).contains(MENTOR);
        assertThat(String.valueOf(digests.get(0).getContent())).contains("gsoc 2011 : about virtio drivers");
    }

    @Test
    void idleReportsNewMailWithoutWaitingForTheSchedule() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        MailboxConfig mailbox = new MailboxConfig("kernel",
                SourceAddress.parse("imap://list@127.0.0.1:" + server.getImap().getPort() + "/INBOX"), "pw", "0 0 0 * * ?",
                List.of(), Policy.DRY_RUN, null, false, true);
        try (IdleWatcher watcher = new IdleWatcher(mailbox, Duration.ofSeconds(5), arrived::countDown)) {
            watcher.start();
            boolean noticed = false;
            // IDLE starts asynchronously: keep delivering until it notices one (bounded)
            for (int i = 0; i < 20 && !noticed; i++) {
                deliver(STUDENT, "Message-ID", "<idle-" + i + "@example.org>");
                noticed = arrived.await(1, TimeUnit.SECONDS);
            }
            assertThat(noticed).isTrue();
        }
    }
}
