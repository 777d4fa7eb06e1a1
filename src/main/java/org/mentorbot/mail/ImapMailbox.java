package org.mentorbot.mail;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;
import org.eclipse.angus.mail.imap.IMAPMessage;

/**
 * An IMAP folder read by UID: messages above the last UID seen are new. When the server's UIDVALIDITY
 * differs from the one remembered, every UID changed meaning, so the whole folder is read again (the
 * ledger recognises messages it already has by Message-ID).
 */
public final class ImapMailbox extends RemoteMailbox {

    /** What a fetch saw: the folder's UIDVALIDITY, whether it was reset, and the highest UID delivered. */
    public record Batch(long uidValidity, boolean reset, long highestUid, int count) {
    }

    public ImapMailbox(SourceAddress address, String password, Duration timeout) {
        super(address, password, timeout);
    }

    /**
     * Hands each message with a UID above {@code lastUid} to the sink, oldest first, at most {@code max}.
     * The sink records each message before the next is fetched, so a connection dropped half-way loses
     * nothing: the next poll resumes after the last message recorded.
     */
    public Batch fetchAfter(Long knownUidValidity, long lastUid, int max, Consumer<FetchedMessage> sink)
            throws MailSourceException {
        Folder folder = null;
        try {
            folder = connect().getFolder(address.folder());
            folder.open(Folder.READ_ONLY);
            UIDFolder uids = (UIDFolder) folder;
            long validity = uids.getUIDValidity();
            boolean reset = knownUidValidity != null && knownUidValidity != validity;
            long after = reset ? 0 : lastUid;
            Message[] messages = uids.getMessagesByUID(after + 1, UIDFolder.LASTUID);
            FetchProfile profile = new FetchProfile();
            profile.add(UIDFolder.FetchProfileItem.UID);
            folder.fetch(messages, profile);
            long highest = after;
            int count = 0;
            for (Message message : messages) {
                long uid = uids.getUID(message);
                if (uid <= after) continue; // "n:*" always includes the last message, even below n
                if (count == max) break;
                if (message instanceof IMAPMessage imap) imap.setPeek(true); // leave \Seen to the humans
                sink.accept(new FetchedMessage(new RawMessage(address + "#" + uid, bytesOf(message)), uid, null));
                highest = uid;
                count++;
            }
            return new Batch(validity, reset, highest, count);
        } catch (MessagingException | IOException e) {
            throw failure("cannot fetch", e);
        } finally {
            closeQuietly(folder);
        }
    }

    /** Whether the folder holds a message with this Message-ID (an IMAP SEARCH on the header). */
    public boolean holds(String messageId) throws MailSourceException {
        Folder folder = null;
        try {
            folder = connect().getFolder(address.folder());
            folder.open(Folder.READ_ONLY);
            return folder.search(new jakarta.mail.search.HeaderTerm("Message-ID", messageId)).length > 0;
        } catch (MessagingException e) {
            throw failure("cannot search", e);
        } finally {
            closeQuietly(folder);
        }
    }

    /** Tags a message with an IMAP keyword (e.g. the idea it was routed to), where the server allows it. */
    public boolean addKeyword(long uidValidity, long uid, String keyword) throws MailSourceException {
        Folder folder = null;
        try {
            folder = connect().getFolder(address.folder());
            folder.open(Folder.READ_WRITE);
            UIDFolder uids = (UIDFolder) folder;
            if (uids.getUIDValidity() != uidValidity) return false;
            Message message = uids.getMessageByUID(uid);
            if (message == null || !folder.getPermanentFlags().contains(Flags.Flag.USER)) return false;
            message.setFlags(new Flags(keyword), true);
            return true;
        } catch (MessagingException e) {
            throw failure("cannot set keyword " + keyword, e);
        } finally {
            closeQuietly(folder);
        }
    }
}
