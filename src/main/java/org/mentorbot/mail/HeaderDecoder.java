package org.mentorbot.mail;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

/**
 * Turns raw header bytes into text: 8-bit bytes (which real mail has despite RFC 5322) as UTF-8 when they are
 * valid UTF-8, else as windows-1252; folding undone; RFC 2047 encoded-words decoded by mime4j.
 */
final class HeaderDecoder {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private HeaderDecoder() {
    }

    /** Bytes to characters: ASCII as is, else UTF-8 if valid, else windows-1252 (a superset of Latin-1). */
    static String bytesToString(byte[] bytes, int offset, int length) {
        for (int i = offset, end = offset + length; i < end; i++) {
            if (bytes[i] < 0) return utf8OrWindows1252(bytes, offset, length);
        }
        // Pure ASCII: the Latin-1 constructor is a plain copy into a compact string.
        return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }

    static String utf8OrWindows1252(byte[] bytes, int offset, int length) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return utf8.decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, offset, length, WINDOWS_1252);
        }
    }

    /** Undoes header folding: the line breaks go, the whitespace that followed them stays (RFC 5322 2.2.3). */
    static String unfold(String value) {
        if (value.indexOf('\n') < 0 && value.indexOf('\r') < 0) return value.trim();
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\r' && c != '\n') out.append(c);
        }
        return out.toString().trim();
    }

    /** Decodes RFC 2047 encoded-words; text without "=?" is returned untouched (the common case, kept cheap). */
    static String decodeWords(String value) {
        if (value.indexOf("=?") < 0) return value;
        return DecoderUtil.decodeEncodedWords(value, DecodeMonitor.SILENT);
    }

    /** A header value as users expect to read it: unfolded and decoded. */
    static String decode(String rawValue) {
        return decodeWords(unfold(rawValue));
    }
}
