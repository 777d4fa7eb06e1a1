package org.mentorbot.action;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.mentorbot.store.OutgoingMail;

/**
 * Sends composed mails over one SMTP connection, reopened when the server dropped it. The bytes go out
 * as composed (same Message-ID, same body), to the envelope recipients recorded with them.
 */
public final class SmtpSender implements AutoCloseable {

    private final SmtpSettings settings;
    private final Session session;
    private final String protocol;
    private Transport transport;

    public SmtpSender(SmtpSettings s) {
        this.settings = s;
        this.protocol = s.ssl() ? "smtps" : "smtp";
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.setProperty(p + "host", s.host());
        props.setProperty(p + "port", Integer.toString(s.port()));
        // Without these, java.net waits forever on a server that accepts the connection and then hangs.
        props.setProperty(p + "connectiontimeout", Integer.toString(s.connectTimeoutMillis()));
        props.setProperty(p + "timeout", Integer.toString(s.readTimeoutMillis()));
        props.setProperty(p + "writetimeout", Integer.toString(s.readTimeoutMillis()));
        props.setProperty(p + "auth", Boolean.toString(s.authenticates()));
        if (s.startTls()) {
            props.setProperty(p + "starttls.enable", "true");
            // Without "required", a man in the middle could strip STARTTLS and read the password.
            props.setProperty(p + "starttls.required", "true");
        }
        if (s.ssl() || s.startTls()) props.setProperty(p + "ssl.checkserveridentity", "true");
        // Some recipients rejected and others accepted: deliver to those who can take it rather than
        // nobody; a retry would duplicate the mail for the ones who got it (see send's return value).
        props.setProperty(p + "sendpartial", "true");
        this.session = Session.getInstance(props);
        // Debug output would print the AUTH exchange, i.e. the password in base64.
        session.setDebug(false);
    }

    /**
     * Sends the mail to its envelope recipients. Returns the recipients the server refused while taking
     * the mail for the others (normally empty): the mail counts as sent, since a retry would repeat it for
     * everyone else.
     *
     * @throws SendException when nobody got the mail; retryable unless the server rejected it for good
     */
    public synchronized List<String> send(OutgoingMail mail) throws SendException {
        MimeMessage msg;
        Address[] rcpts;
        try {
            msg = new FixedIdMimeMessage(session, new ByteArrayInputStream(mail.mime()));
            rcpts = new Address[mail.envelopeTo().size()];
            for (int i = 0; i < rcpts.length; i++) rcpts[i] = new InternetAddress(mail.envelopeTo().get(i), true);
        } catch (MessagingException e) {
            throw new SendException("mail " + mail.messageId() + " cannot be read back for sending: "
                    + scrub(e.getMessage()), false);
        }
        if (rcpts.length == 0) throw new SendException("mail " + mail.messageId() + " has no recipients", false);
        try {
            ensureConnected();
            // sendMessage, not Transport.send: the latter calls saveChanges(), which would rewrite headers.
            transport.sendMessage(msg, rcpts);
            return List.of();
        } catch (SendFailedException e) {
            Address[] sent = e.getValidSentAddresses();
            if (sent != null && sent.length > 0) {
                List<String> refused = new ArrayList<>();
                if (e.getInvalidAddresses() != null) for (Address a : e.getInvalidAddresses()) refused.add(a.toString());
                if (e.getValidUnsentAddresses() != null) for (Address a : e.getValidUnsentAddresses()) refused.add(a.toString());
                return refused;
            }
            throw failure(mail, e);
        } catch (MessagingException e) {
            closeQuietly();
            throw failure(mail, e);
        }
    }

    private void ensureConnected() throws MessagingException {
        if (transport != null && transport.isConnected()) return;
        closeQuietly();
        transport = session.getTransport(protocol);
        if (settings.authenticates()) {
            transport.connect(settings.host(), settings.port(), settings.user(), settings.password());
        } else {
            transport.connect(settings.host(), settings.port(), null, null);
        }
    }

    private SendException failure(OutgoingMail mail, MessagingException e) {
        return new SendException("sending " + mail.messageId() + " via " + settings.host() + ":" + settings.port()
                + " failed: " + describe(e), retryable(e));
    }

    /**
     * Temporary unless the server said otherwise with a 5xx. Authentication failures count as temporary:
     * they are a configuration fault the operator will fix, not a fault of this mail, which should then go.
     */
    static boolean retryable(MessagingException e) {
        if (e instanceof AuthenticationFailedException || e instanceof MailConnectException) return true;
        Integer code = smtpCode(e);
        if (code != null) return code < 500;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) return true;
        }
        // Unclassified protocol trouble: retrying later costs little; dropping a mail to a mentor costs more.
        return true;
    }

    /** The most telling reply code: a 4xx anywhere makes the failure temporary, else the first 5xx. */
    private static Integer smtpCode(MessagingException e) {
        Integer found = null;
        Exception x = e;
        int guard = 0;
        while (x != null && guard++ < 50) {
            int code = -1;
            if (x instanceof SMTPSendFailedException s) code = s.getReturnCode();
            else if (x instanceof SMTPAddressFailedException a) code = a.getReturnCode();
            else if (x instanceof SMTPSenderFailedException f) code = f.getReturnCode();
            if (code >= 400 && code < 500) return code;
            if (code >= 500 && found == null) found = code;
            x = x instanceof MessagingException m ? m.getNextException() : null;
        }
        return found;
    }

    private String describe(MessagingException e) {
        StringBuilder out = new StringBuilder(e.getClass().getSimpleName());
        if (e.getMessage() != null) out.append(": ").append(e.getMessage().strip());
        Throwable cause = e.getCause() != null ? e.getCause() : e.getNextException();
        if (cause != null && cause != e) {
            out.append(" (").append(cause.getClass().getSimpleName());
            if (cause.getMessage() != null) out.append(": ").append(cause.getMessage().strip());
            out.append(')');
        }
        return scrub(out.toString());
    }

    /** Removes the password, also as servers might echo it (base64 of itself or of the AUTH PLAIN string). */
    private String scrub(String text) {
        if (text == null) return "";
        String t = text.replaceAll("[\\r\\n]+", " ");
        String pw = settings.password();
        if (pw == null || pw.isEmpty()) return t;
        Base64.Encoder b64 = Base64.getEncoder();
        String user = settings.user() == null ? "" : settings.user();
        for (String secret : List.of(pw, b64.encodeToString(pw.getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString(("\0" + user + "\0" + pw).getBytes(StandardCharsets.UTF_8)))) {
            t = t.replace(secret, "***");
        }
        return t;
    }

    private void closeQuietly() {
        if (transport == null) return;
        try {
            transport.close();
        } catch (MessagingException ignored) {
            // The connection is being given up anyway.
        }
        transport = null;
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }
}
