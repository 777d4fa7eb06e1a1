package org.mentorbot.action;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns addresses from mail and catalogs into recipients, refusing anything that is not one plain mailbox. */
final class Mailboxes {

    /**
     * A dot-atom local part and a host name: no quotes, comments, groups, routes or spaces, so a value that
     * passes is one recipient and cannot smuggle a second. Non-ASCII (SMTPUTF8) addresses are refused too:
     * not every server on the path would take them.
     */
    private static final Pattern PLAIN = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*");

    private Mailboxes() {
    }

    static boolean isPlainAddress(String address) {
        return address != null && address.length() <= 254 && PLAIN.matcher(address).matches();
    }

    /** The address lower-cased, or null when it is not a plain address. */
    static String normalize(String address) {
        if (address == null) return null;
        String a = address.trim();
        return isPlainAddress(a) ? a.toLowerCase(Locale.ROOT) : null;
    }

    /**
     * A mailbox with its display name sanitised and, when non-ASCII, RFC 2047-encoded by
     * {@link InternetAddress}; null when the address is not plain.
     */
    static InternetAddress mailbox(String address, String name) {
        String a = normalize(address);
        if (a == null) return null;
        String personal = name == null ? "" : HeaderText.singleLine(name, 80);
        try {
            InternetAddress ia = personal.isEmpty() ? new InternetAddress(a, true)
                    : new InternetAddress(a, personal, "UTF-8");
            ia.validate();
            return ia;
        } catch (AddressException | UnsupportedEncodingException e) {
            return null;
        }
    }

    /** The part before '@', lower-cased. */
    static String localPart(String address) {
        int at = address.lastIndexOf('@');
        return (at < 0 ? address : address.substring(0, at)).toLowerCase(Locale.ROOT);
    }
}
