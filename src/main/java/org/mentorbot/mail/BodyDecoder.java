package org.mentorbot.mail;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.james.mime4j.util.CharsetUtil;

/**
 * Transfer-decoded part bytes to text. The declared charset is trusted when Java knows it, except that
 * "us-ascii", "utf-8" and a missing or unknown charset all mean "UTF-8 if it decodes, else windows-1252": that is
 * what mailers actually send. ISO-8859-1 is read as windows-1252, its superset, as browsers do.
 */
final class BodyDecoder {

    private static final ConcurrentHashMap<String, Optional<Charset>> CHARSETS = new ConcurrentHashMap<>();

    private BodyDecoder() {
    }

    static String decode(byte[] data, String charsetName) {
        Charset charset = charsetName == null ? null
                : CHARSETS.computeIfAbsent(charsetName.trim().toLowerCase(Locale.ROOT), BodyDecoder::lookup).orElse(null);
        String text;
        if (charset == null || charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.US_ASCII)) {
            text = HeaderDecoder.bytesToString(data, 0, data.length);
        } else {
            text = new String(data, charset);
        }
        return normaliseLineBreaks(text);
    }

    private static Optional<Charset> lookup(String name) {
        String n = name;
        if (n.length() >= 2 && n.charAt(0) == '"' && n.charAt(n.length() - 1) == '"') n = n.substring(1, n.length() - 1);
        Charset charset;
        try {
            charset = CharsetUtil.lookup(n);
        } catch (RuntimeException e) {
            charset = null;
        }
        if (charset != null && charset.equals(StandardCharsets.ISO_8859_1)) charset = HeaderDecoder.WINDOWS_1252;
        return Optional.ofNullable(charset);
    }

    /** CRLF and lone CR become LF. */
    static String normaliseLineBreaks(String text) {
        if (text.indexOf('\r') < 0) return text;
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < n && text.charAt(i + 1) == '\n') i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
