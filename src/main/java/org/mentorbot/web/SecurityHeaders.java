package org.mentorbot.web;

import com.sun.net.httpserver.Headers;

/**
 * Headers on every response, errors included. The page has no scripts, so the policy allows none: even if
 * mail text ever slipped through unescaped, a browser would not run it.
 */
final class SecurityHeaders {

    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "base-uri 'none'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    static void addTo(Headers headers) {
        headers.set("Content-Security-Policy", CSP);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
    }
}
