package org.mentorbot.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.mentorbot.mail.MailSourceException;
import org.mentorbot.schedule.Bot;
import org.mentorbot.schedule.BotConfig;
import org.mentorbot.schedule.ConfigException;
import org.mentorbot.schedule.MailboxPoller;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mentorbot poll --once}: one poll of every (or one) mailbox, then the outbox, then exit. */
@Command(name = "poll", mixinStandardHelpOptions = true, description = "Poll the configured mailboxes once and send what is due.")
final class PollCommand implements Callable<Integer> {

    @Mixin
    BotOptions options;

    @Spec
    CommandSpec spec;

    @Option(names = "--once", required = true, description = "Poll once and exit (the daemon is `mentorbot run`).")
    boolean once;

    @Option(names = "--mailbox", paramLabel = "NAME", description = "Poll only this mailbox.")
    String mailbox;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        BotConfig config = options.config();
        try {
            if (mailbox != null) config.mailbox(mailbox); // an unknown name is an error, not an empty poll
        } catch (ConfigException e) {
            throw new UserError(e.getMessage());
        }
        try (Bot bot = options.bot(config)) {
            List<MailboxPoller> pollers = bot.pollers().values().stream()
                    .filter(p -> mailbox == null || p.name().equals(mailbox)).toList();
            int failed = 0;
            for (MailboxPoller poller : pollers) {
                try {
                    MailboxPoller.PollResult r = poller.poll();
                    out.printf("%s: %d fetched, %d recorded, %d already known, %d unreadable, %d inquiries, %d mails queued%n",
                            poller.name(), r.fetched(), r.recorded(), r.duplicates(), r.unreadable(), r.inquiries(), r.mailsPlanned());
                } catch (MailSourceException e) {
                    spec.commandLine().getErr().println("mentorbot: " + e.getMessage());
                    failed++;
                }
            }
            out.flush();
            return failed == 0 ? 0 : 1;
        }
    }
}
