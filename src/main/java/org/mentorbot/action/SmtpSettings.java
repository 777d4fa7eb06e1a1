package org.mentorbot.action;

/**
 * How to reach the outgoing mail server.
 *
 * @param ssl      implicit TLS from the first byte (port 465)
 * @param startTls upgrade with STARTTLS, and refuse to go on without it
 * @param user     null or blank for no authentication
 */
public record SmtpSettings(String host, int port, boolean ssl, boolean startTls, String user, String password,
                           int connectTimeoutMillis, int readTimeoutMillis) {

    public SmtpSettings {
        if (host == null || host.isBlank()) throw new IllegalArgumentException("SMTP host is missing");
        if (port <= 0 || port > 65535) throw new IllegalArgumentException("SMTP port out of range: " + port);
        // Zero means "wait forever" to java.net: one hung server would stall the bot's whole loop.
        if (connectTimeoutMillis <= 0 || readTimeoutMillis <= 0) {
            throw new IllegalArgumentException("SMTP timeouts must be positive (got connect=" + connectTimeoutMillis
                    + " ms, read=" + readTimeoutMillis + " ms)");
        }
    }

    public boolean authenticates() {
        return user != null && !user.isBlank();
    }

    /** Records print every field; this one must not print the password. */
    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", ssl=" + ssl + ", startTls=" + startTls
                + ", user=" + user + ", password=" + (password == null ? "null" : "***")
                + ", connectTimeoutMillis=" + connectTimeoutMillis + ", readTimeoutMillis=" + readTimeoutMillis + "]";
    }
}
