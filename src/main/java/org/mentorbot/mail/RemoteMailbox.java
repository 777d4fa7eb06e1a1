package org.mentorbot.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

/**
 * What IMAP and POP3 mailboxes share: a Jakarta Mail session whose connect, read and write timeouts are
 * always set (a silent server must never hang a poll), connecting, and telling transient failures from
 * the ones an operator must fix.
 */
abstract class RemoteMailbox implements AutoCloseable {

    protected final SourceAddress address;
    private final String password;
    private final Duration timeout;
    protected Store store;

    RemoteMailbox(SourceAddress address, String password, Duration timeout) {
        this.address = address;
        this.password = password;
        this.timeout = timeout;
    }

    protected final Store connect() throws MailSourceException {
        if (store != null && store.isConnected()) return store;
        String scheme = address.protocol().name().toLowerCase(Locale.ROOT);
        Properties props = new Properties();
        String millis = Long.toString(timeout.toMillis());
        props.put("mail." + scheme + ".connectiontimeout", millis);
        props.put("mail." + scheme + ".timeout", millis);
        props.put("mail." + scheme + ".writetimeout", millis);
        try {
            store = Session.getInstance(props).getStore(scheme);
            store.connect(address.host(), address.port(), address.user(), password);
            return store;
        } catch (MessagingException e) {
            throw failure("cannot connect", e);
        }
    }

    protected static byte[] bytesOf(Message message) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        message.writeTo(out);
        return out.toByteArray();
    }

    /** A one-line failure naming the mailbox (never the password) and whether retrying may help. */
    protected final MailSourceException failure(String what, Exception e) {
        boolean permanent = e instanceof AuthenticationFailedException && !isTemporary(e.getMessage());
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String reason = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (root instanceof ConnectException || root instanceof SocketTimeoutException || root instanceof UnknownHostException) {
            reason = root.getClass().getSimpleName() + ": " + reason;
        }
        return new MailSourceException(address + ": " + what + ": " + reason.strip(), !permanent, e);
    }

    /** Servers say "[UNAVAILABLE]" or "try again" when a refusal is not about the credentials. */
    private static boolean isTemporary(String message) {
        if (message == null) return false;
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("unavailable") || m.contains("try again") || m.contains("temporar");
    }

    protected static void closeQuietly(Folder folder) {
        try {
            if (folder != null && folder.isOpen()) folder.close(false);
        } catch (MessagingException e) {
            // the connection is going away anyway
        }
    }

    @Override
    public void close() {
        try {
            if (store != null) store.close();
        } catch (MessagingException e) {
            // closing a dead connection: nothing to do
        } finally {
            store = null;
        }
    }
}
