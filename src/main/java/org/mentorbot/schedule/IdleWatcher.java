package org.mentorbot.schedule;

import java.time.Duration;
import org.mentorbot.mail.ImapIdle;
import org.mentorbot.mail.MailSourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A daemon thread per IDLE-enabled mailbox: when the server announces new mail, the mailbox's poll job is
 * triggered at once (Quartz still never runs two polls of one mailbox together). On failure it waits and
 * reconnects; the cron schedule keeps polling meanwhile.
 */
public final class IdleWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IdleWatcher.class);
    private static final Duration RETRY = Duration.ofSeconds(30);

    private final MailboxConfig mailbox;
    private final Duration timeout;
    private final Runnable pollNow;
    private final Thread thread;
    private volatile ImapIdle current;
    private volatile boolean running = true;

    public IdleWatcher(MailboxConfig mailbox, Duration timeout, Runnable pollNow) {
        this.mailbox = mailbox;
        this.timeout = timeout;
        this.pollNow = pollNow;
        this.thread = new Thread(this::loop, "mentorbot-idle-" + mailbox.name());
        this.thread.setDaemon(true);
    }

    /** A watcher that triggers the mailbox's poll job through the scheduler (IMAP mailboxes only). */
    public static IdleWatcher forMailbox(MailboxConfig mailbox, Duration timeout, BotScheduler scheduler) {
        return new IdleWatcher(mailbox, timeout, () -> {
            try {
                scheduler.pollNow(mailbox.name());
            } catch (org.quartz.SchedulerException e) {
                LOG.warn("{}: cannot start a poll: {}", mailbox.name(), e.getMessage());
            }
        });
    }

    public void start() {
        thread.start();
    }

    private void loop() {
        boolean failing = false;
        while (running) {
            // The server's idle timeout is long; our read timeout must not cut an IDLE short.
            current = new ImapIdle(mailbox.source(), mailbox.password(), Duration.ofMinutes(29).plus(timeout));
            try {
                if (failing) LOG.info("{}: IDLE connected again", mailbox.name());
                failing = false;
                current.watch(pollNow);
            } catch (MailSourceException e) {
                if (!failing) LOG.warn("{}: {} (polling on schedule; reconnecting IDLE every {} s)", mailbox.name(),
                        e.getMessage(), RETRY.toSeconds());
                failing = true;
                sleep(RETRY);
            }
        }
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        if (current != null) current.stop();
        thread.interrupt();
    }
}
