package org.mentorbot.store;

/** How far an IMAP folder has been read: messages with a UID above {@code lastUid} are new. */
public record ImapCursor(long uidValidity, long lastUid) {
}
