package org.mentorbot.mail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pipermail archives hide addresses as "name at host (Full Name)"; this undoes it. Also reads the plain RFC 822
 * comment form "name@host (Full Name)", whose comment mime4j drops.
 */
public final class PipermailAddresses {

    // Bounded, possessive pieces: headers are short, but a hostile one must not cause backtracking.
    private static final Pattern OBFUSCATED = Pattern.compile(
            "\\s*+([^\\s@<>()\",]++)(?: at |@)([^\\s@<>()\",.]++(?:\\.[^\\s@<>()\",.]++)++)\\s*+(?:\\((.{0,200})\\))?\\s*+");

    private PipermailAddresses() {
    }

    /** The address in {@code value} when it has the "name at host (Full Name)" shape, else null. */
    public static Address parse(String value) {
        if (value == null || value.length() > 400) return null;
        Matcher m = OBFUSCATED.matcher(value);
        if (!m.matches()) return null;
        String name = m.group(3) == null ? null : HeaderDecoder.decodeWords(m.group(3).trim());
        return new Address(name, m.group(1) + "@" + m.group(2));
    }

    /** "name at host" → "name@host" (the separator lines and bodies of pipermail archives). */
    public static String deobfuscate(String text) {
        Address address = parse(text);
        return address == null ? text : address.email();
    }
}
