package org.mentorbot.mail;

import java.util.ArrayList;
import java.util.List;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.address.MailboxList;
import org.apache.james.mime4j.field.address.LenientAddressParser;

/**
 * Address headers to {@link Address} records through mime4j's lenient parser (it also decodes encoded-words in
 * display names), with two additions real archives need: pipermail's "name at host (Full Name)" and a bare
 * display name without any address ("From: Stéphanie Ouillon").
 */
final class AddressParser {

    private AddressParser() {
    }

    /** Parses an unfolded header value that has not been encoded-word decoded (names may contain commas once decoded). */
    static List<Address> parseList(String value) {
        List<Address> result = new ArrayList<>();
        if (value == null || value.isBlank()) return result;
        Address pipermail = PipermailAddresses.parse(value);
        if (pipermail != null) {
            result.add(pipermail);
            return result;
        }
        if (value.indexOf('@') < 0) {
            // Nothing mime4j could turn into a mailbox; keep the name so the sender is still shown.
            String name = HeaderDecoder.decodeWords(value.trim());
            if (!name.endsWith(":;")) result.add(new Address(stripQuotes(name), null));
            return result;
        }
        MailboxList mailboxes = LenientAddressParser.DEFAULT.parseAddressList(value).flatten();
        for (Mailbox mailbox : mailboxes) {
            String email = mailbox.getAddress();
            if (email != null && email.isBlank()) email = null;
            result.add(new Address(stripQuotes(mailbox.getName()), email));
        }
        return result;
    }

    static Address parseFirst(String value) {
        List<Address> all = parseList(value);
        return all.isEmpty() ? null : all.get(0);
    }

    private static String stripQuotes(String name) {
        if (name == null) return null;
        String n = name.trim();
        if (n.length() >= 2 && (n.charAt(0) == '"' && n.charAt(n.length() - 1) == '"'
                || n.charAt(0) == '\'' && n.charAt(n.length() - 1) == '\'')) {
            n = n.substring(1, n.length() - 1).trim();
        }
        return n;
    }
}
