package org.mentorbot.catalog;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Bytes of a catalog file to text: pages come as UTF-8 or Latin-1, with any line endings, from any viewer. */
final class CatalogText {

    private CatalogText() {}

    /** Binary files have NUL bytes or many control characters; text of any 8-bit encoding has neither. */
    static boolean looksBinary(byte[] bytes) {
        int control = 0;
        int sample = Math.min(bytes.length, 64 * 1024);
        for (int i = 0; i < sample; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0) return true;
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1b) control++;
        }
        return control > sample / 100 + 1;
    }

    /** UTF-8 when the bytes are valid UTF-8, otherwise Latin-1 (which cannot fail). */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * One spelling for what viewers vary: line endings, byte-order mark, and the no-break spaces gitweb puts
     * in place of the blanks of diff context lines.
     */
    static String normalise(String text) {
        String normal = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return normal.replace("\r\n", "\n").replace('\r', '\n').replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    /** How often a pattern occurs in a text, counting no further than {@code max} (recognisers need "at least"). */
    static int occurrences(java.util.regex.Pattern pattern, String text, int max) {
        java.util.regex.Matcher m = pattern.matcher(text);
        int count = 0;
        while (count < max && m.find()) count++;
        return count;
    }
}
