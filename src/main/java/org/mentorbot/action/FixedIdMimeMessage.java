package org.mentorbot.action;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;

/**
 * A MimeMessage that keeps the Message-ID it was given. Plain MimeMessage mints a new one in every
 * saveChanges(), which would make a resent mail a different mail to its readers and to the ledger.
 */
final class FixedIdMimeMessage extends MimeMessage {

    FixedIdMimeMessage(Session session) {
        super(session);
    }

    FixedIdMimeMessage(Session session, InputStream in) throws MessagingException {
        super(session, in);
    }

    @Override
    protected void updateMessageID() {
        // The id was set when the mail was composed (or came with the bytes); keep it.
    }
}
