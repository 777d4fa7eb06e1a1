package org.mentorbot.web;

import java.util.Locale;

/**
 * The Host header a page on loopback without a password answers to. Without this check, a web site could
 * point its own name at 127.0.0.1 (DNS rebinding) and read the archive through the mentor's browser as if
 * it were its own origin; such a request names the site's host, never localhost.
 */
final class LoopbackHosts {

    private LoopbackHosts() {
    }

    /** Whether a Host header value (with or without a port) names this machine's loopback; absent counts as yes. */
    static boolean allows(String hostHeader) {
        if (hostHeader == null) return true; // HTTP/1.0 without Host: not a browser a rebinding attack can use
        String host = hostHeader.strip().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            return close > 0 && host.substring(0, close + 1).equals("[::1]") && portOnly(host.substring(close + 1));
        }
        int colon = host.indexOf(':');
        if (colon >= 0) {
            if (!portOnly(host.substring(colon))) return false;
            host = host.substring(0, colon);
        }
        return host.equals("localhost") || host.matches("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
    }

    private static boolean portOnly(String rest) {
        return rest.isEmpty() || rest.matches(":\\d{1,5}");
    }
}
