package org.mentorbot.mail;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import java.time.Duration;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * Keeps an IMAP IDLE connection to a folder and calls back when messages arrive, for sub-second pickup.
 * It only says "something arrived": the scheduled poll does the reading, so a missed or broken IDLE costs
 * latency, never mail.
 */
public final class ImapIdle extends RemoteMailbox {

    private volatile boolean running = true;

    public ImapIdle(SourceAddress address, String password, Duration timeout) {
        super(address, password, timeout);
    }

    /**
     * Blocks, calling {@code onArrival} for each batch of new messages, until {@link #stop()}. Returns
     * normally after stop; throws when the connection fails (the caller reconnects after a pause).
     */
    public void watch(Runnable onArrival) throws MailSourceException {
        Folder folder = null;
        try {
            folder = connect().getFolder(address.folder());
            folder.open(Folder.READ_ONLY);
            if (!(folder instanceof IMAPFolder imap)) throw new MailSourceException(address + ": not an IMAP folder", false, null);
            imap.addMessageCountListener(new MessageCountAdapter() {
                @Override
                public void messagesAdded(MessageCountEvent e) {
                    onArrival.run();
                }
            });
            while (running) imap.idle(true); // returns on each event, or when the server ends the IDLE
        } catch (MessagingException e) {
            if (running) throw failure("IDLE failed", e);
        } finally {
            closeQuietly(folder);
            close();
        }
    }

    /** Ends {@link #watch}: closing the connection wakes the blocked IDLE. */
    public void stop() {
        running = false;
        close();
    }
}
