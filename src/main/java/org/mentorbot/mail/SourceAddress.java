package org.mentorbot.mail;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a mailbox lives, written as a URL in the configuration:
 * {@code imap://user@host:143/INBOX}, {@code imaps://user@host/Lists/kernel}, {@code pop3://user@host:110},
 * {@code pop3s://user@host}, {@code mbox:/path/to/file}, {@code maildir:/path/to/dir}.
 * Passwords never appear here: they come from the environment or a file (see the bot configuration).
 */
public record SourceAddress(Protocol protocol, String host, int port, String user, String folder, Path path) {

    public enum Protocol {
        IMAP(143, false), IMAPS(993, true), POP3(110, false), POP3S(995, true), MBOX(0, false), MAILDIR(0, false);

        final int defaultPort;
        final boolean ssl;

        Protocol(int defaultPort, boolean ssl) {
            this.defaultPort = defaultPort;
            this.ssl = ssl;
        }

        public boolean remote() {
            return defaultPort != 0;
        }
    }

    /** Parses a source URL; the message of the exception says what is wrong with it, for one line. */
    public static SourceAddress parse(String text) {
        String value = text.trim();
        int colon = value.indexOf(':');
        if (colon <= 0) throw new IllegalArgumentException("'" + value + "' is not a source URL such as imaps://user@host/INBOX");
        Protocol protocol;
        try {
            protocol = Protocol.valueOf(value.substring(0, colon).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown protocol '" + value.substring(0, colon)
                    + "' (use imap, imaps, pop3, pop3s, mbox or maildir)");
        }
        if (!protocol.remote()) {
            String rest = value.substring(colon + 1);
            if (rest.startsWith("//")) rest = rest.substring(2);
            if (rest.isBlank()) throw new IllegalArgumentException("'" + value + "' names no path");
            return new SourceAddress(protocol, null, 0, null, null, Path.of(rest));
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + value + "' is not a valid URL: " + e.getReason());
        }
        if (uri.getHost() == null) throw new IllegalArgumentException("'" + value + "' names no host");
        if (uri.getUserInfo() == null || uri.getUserInfo().isBlank()) {
            throw new IllegalArgumentException("'" + value + "' names no user (user@host)");
        }
        if (uri.getUserInfo().contains(":")) {
            throw new IllegalArgumentException("'" + protocol.name().toLowerCase(Locale.ROOT) + "://" + uri.getHost()
                    + "' carries a password: put it in an environment variable or a file instead");
        }
        String folder = uri.getPath() == null || uri.getPath().length() <= 1 ? "INBOX" : uri.getPath().substring(1);
        int port = uri.getPort() > 0 ? uri.getPort() : protocol.defaultPort;
        return new SourceAddress(protocol, uri.getHost(), port, uri.getUserInfo(), folder, null);
    }

    /** The address without secrets, for logs and status. */
    @Override
    public String toString() {
        String scheme = protocol.name().toLowerCase(Locale.ROOT);
        if (!protocol.remote()) return scheme + ":" + path;
        return scheme + "://" + user + "@" + host + ":" + port + (protocol == Protocol.IMAP || protocol == Protocol.IMAPS ? "/" + folder : "");
    }
}
