package org.mentorbot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.mentorbot.archive.ReadOnlyArchive;
import org.mentorbot.schedule.BotConfig;
import org.mentorbot.schedule.MailboxConfig;
import org.mentorbot.store.Ledger;
import org.mentorbot.store.LedgerException;
import org.mentorbot.store.MailboxStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mentorbot status}: per mailbox, the last poll, what was recorded and what waits to be sent. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show each mailbox's last poll, counts and pending mails.")
final class StatusCommand implements Callable<Integer> {

    @Mixin
    BotOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        BotConfig config = options.config();
        try (Ledger ledger = Ledger.open(config.ledgerDirectory())) {
            out.printf("ledger: %s (bot first started %s)%n", config.ledgerDirectory(), ledger.firstStart());
            out.println(archiveLine(config));
            for (MailboxConfig mailbox : config.mailboxes()) {
                MailboxStatus s = ledger.status(mailbox.name());
                out.printf("%s  %s  policy %s%n", mailbox.name(), mailbox.source(), mailbox.policy().word());
                out.printf("  last poll:  %s%s%n", s.lastPoll() == null ? "never" : s.lastPoll(),
                        s.lastError() == null ? "" : " (failed: " + s.lastError() + ")");
                out.printf("  messages:   %d recorded, %d inquiries%n", s.messages(), s.inquiries());
                if (s.unreadable() > 0) {
                    out.printf("  unreadable: %d, kept with their raw bytes (latest: %s)%n", s.unreadable(), s.lastUnreadable());
                }
                out.printf("  mails:      %d sent, %d pending%n", s.sentActions(), s.pendingActions());
            }
        } catch (LedgerException e) {
            throw new UserError(e.getMessage());
        }
        out.flush();
        return 0;
    }

    private static String archiveLine(BotConfig config) {
        if (config.archiveDirectory() == null) return "archive: none (archive.dir = none)";
        try (ReadOnlyArchive archive = ReadOnlyArchive.open(config.archiveDirectory())) {
            return "archive: " + config.archiveDirectory() + " (" + archive.count() + " messages)";
        } catch (ReadOnlyArchive.NotAnArchiveException e) {
            return "archive: " + config.archiveDirectory() + " (empty: nothing polled or imported yet)";
        } catch (IOException e) {
            return "archive: " + config.archiveDirectory() + " (cannot read: " + e.getMessage() + ")";
        }
    }
}
