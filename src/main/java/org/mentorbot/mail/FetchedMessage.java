package org.mentorbot.mail;

/**
 * A message as a mailbox delivered it.
 *
 * @param uid  the IMAP UID, or the position in a local mbox/maildir (from 1), or -1 for POP3
 * @param uidl the POP3 unique id, or null
 */
public record FetchedMessage(RawMessage raw, long uid, String uidl) {
}
