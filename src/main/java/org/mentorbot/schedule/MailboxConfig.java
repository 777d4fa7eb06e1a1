package org.mentorbot.schedule;

import java.nio.file.Path;
import java.util.List;
import org.mentorbot.action.Policy;
import org.mentorbot.mail.SourceAddress;

/**
 * One watched mailbox (one list or account).
 *
 * @param password    resolved from the environment or a file; null for local sources
 * @param schedule    a Quartz cron expression
 * @param catalogs    ideas pages for this mailbox (files or directories)
 * @param listAddress the list's own address, Cc'd on replies only when {@code ccList}
 * @param idle        keep an IMAP IDLE connection for sub-second pickup (the schedule stays the safety net)
 */
public record MailboxConfig(String name, SourceAddress source, String password, String schedule, List<Path> catalogs,
                            Policy policy, String listAddress, boolean ccList, boolean idle) {
    public MailboxConfig {
        catalogs = List.copyOf(catalogs);
    }
}
