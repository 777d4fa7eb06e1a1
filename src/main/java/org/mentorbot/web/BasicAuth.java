package org.mentorbot.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;

/**
 * HTTP Basic authentication with one user. Only a digest of the credentials is kept, and a request's
 * credentials are compared as digests of equal length in constant time, so that neither the password's
 * length nor its first wrong character shows in the response time.
 */
public final class BasicAuth {

    static final String REALM = "mentorbot";

    private final String user;
    private final byte[] expected;

    private BasicAuth(String user, byte[] expected) {
        this.user = user;
        this.expected = expected;
    }

    /**
     * @throws IllegalArgumentException when the user is empty or has a ':' (Basic cannot carry it), or the
     *                                  password is empty
     */
    public static BasicAuth of(String user, String password) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (user.isEmpty() || user.indexOf(':') >= 0) throw new IllegalArgumentException("user name must be non-empty and have no ':'");
        if (password.isEmpty()) throw new IllegalArgumentException("password must not be empty");
        return new BasicAuth(user, digest((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether an Authorization header value carries this user's credentials. */
    boolean accepts(String authorization) {
        if (authorization == null) return false;
        String value = authorization.strip();
        if (value.length() < 6 || !value.regionMatches(true, 0, "Basic ", 0, 6)) return false;
        byte[] credentials;
        try {
            credentials = Base64.getDecoder().decode(value.substring(6).strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, digest(credentials));
    }

    /** The WWW-Authenticate header value of a 401. */
    static String challenge() {
        return "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"";
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "BasicAuth[user=" + user + "]"; // never the password
    }
}
