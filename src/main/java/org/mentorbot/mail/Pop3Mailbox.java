package org.mentorbot.mail;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.eclipse.angus.mail.pop3.POP3Folder;

/**
 * A POP3 mailbox, read without deleting: UIDL tells which messages were seen in earlier polls (POP3 has no
 * UIDs that grow, so the ledger remembers every UIDL it recorded).
 */
public final class Pop3Mailbox extends RemoteMailbox {

    public Pop3Mailbox(SourceAddress address, String password, Duration timeout) {
        super(address, password, timeout);
    }

    /** Hands each message whose UIDL is not {@code seen} to the sink, in mailbox order; returns how many. */
    public int fetchUnseen(Predicate<String> seen, int max, Consumer<FetchedMessage> sink) throws MailSourceException {
        Folder folder = null;
        try {
            folder = connect().getFolder("INBOX");
            folder.open(Folder.READ_ONLY);
            Message[] messages = folder.getMessages();
            FetchProfile profile = new FetchProfile();
            profile.add(UIDFolder.FetchProfileItem.UID);
            folder.fetch(messages, profile);
            POP3Folder pop3 = (POP3Folder) folder;
            int count = 0;
            for (Message message : messages) {
                String uidl = pop3.getUID(message);
                if (uidl == null || seen.test(uidl)) continue;
                if (count == max) break;
                sink.accept(new FetchedMessage(new RawMessage(address + "#" + uidl, bytesOf(message)), -1, uidl));
                count++;
            }
            return count;
        } catch (MessagingException | IOException e) {
            throw failure("cannot fetch", e);
        } finally {
            closeQuietly(folder);
            close(); // POP3 holds a lock on the maildrop while connected
        }
    }
}
