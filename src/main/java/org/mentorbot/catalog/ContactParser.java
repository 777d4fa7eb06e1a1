package org.mentorbot.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * Reads the value of a "Contact point:" or "Possible mentors:" line into contacts. Pages write these by hand, so
 * the parser accepts addresses with or without names, obfuscated addresses, HTML-escaped brackets, bare names and
 * nicks (resolved through the page's own mentor list, then the directory), list addresses and IRC channels.
 */
public final class ContactParser {

    private static final String ADDRESS = "[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+";
    private static final Pattern ADDRESS_PATTERN = Pattern.compile(ADDRESS);
    private static final Pattern NAMED_ADDRESS =
            Pattern.compile("([\\p{L}][\\p{L}\\p{M}.'’ -]*?)\\s*<\\s*(?:mailto:)?(" + ADDRESS + ")\\s*>");
    /** "name at host dot org", "name (at) host", "name [at] host.org"; the host needs a dot so prose is left alone. */
    private static final Pattern OBFUSCATED = Pattern.compile(
            "([A-Za-z0-9._%+-]+)\\s*(?:\\s+at\\s+|[(\\[{]\\s*at\\s*[)\\]}])\\s*"
                    + "([A-Za-z0-9-]+(?:\\s*(?:\\.|\\s+dot\\s+|[(\\[{]\\s*dot\\s*[)\\]}])\\s*[A-Za-z0-9-]+)+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DOT = Pattern.compile("\\s*(?:\\.|\\s+dot\\s+|[(\\[{]\\s*dot\\s*[)\\]}])\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern IRC_CHANNEL = Pattern.compile("(?<![\\w&])(#[A-Za-z0-9][\\w.-]*)");
    private static final Pattern SEPARATORS =
            Pattern.compile("\\s*(?:[,;&]|\\s/\\s|\\band\\b|\\bor\\b)\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEDGES =
            Pattern.compile("^(?:(?:possibly|maybe|perhaps|probably|also|either|mentor(?:s|ed by)?:?|with)\\s+)+",
                    Pattern.CASE_INSENSITIVE);
    /** Words that say "nobody in particular"; they are not contacts. */
    private static final Set<String> NOBODY = Set.of(
            "", "none", "tbd", "tba", "n/a", "na", "?", "-", "anyone", "nobody", "unknown", "list", "the list",
            "mailing list", "the mailing list", "irc", "irc channel", "etc", "others", "more");

    private final MentorDirectory directory;

    public ContactParser(MentorDirectory directory) {
        this.directory = directory;
    }

    /** Contacts in one value, resolving bare names through the directory only. */
    public List<Contact> parse(String value) {
        return parse(value, Map.of());
    }

    /**
     * Contacts in one value.
     *
     * @param pageMentors people the same page lists with addresses, by lower-case name (see {@link #mentorsOnPage})
     */
    public List<Contact> parse(String value, Map<String, Contact> pageMentors) {
        if (value == null || value.isBlank()) return List.of();
        String text = clean(value);
        Map<String, Contact> found = new LinkedHashMap<>();
        for (String part : splitOutsideBrackets(text)) {
            for (Contact contact : parsePart(part, pageMentors)) {
                String key = contact.email() != null ? contact.email().toLowerCase(Locale.ROOT)
                        : contact.name().toLowerCase(Locale.ROOT);
                Contact earlier = found.get(key);
                // A later mention with a name is more useful than an earlier bare address.
                if (earlier == null || (earlier.name() == null && contact.name() != null)) found.put(key, contact);
            }
        }
        return List.copyOf(found.values());
    }

    /**
     * People a page names with an address anywhere ("## Mentors" lists, contact lines), so that other ideas on
     * the same page can name them without one.
     */
    public static Map<String, Contact> mentorsOnPage(String pageText) {
        Map<String, Contact> mentors = new HashMap<>();
        if (pageText == null) return mentors;
        Matcher m = NAMED_ADDRESS.matcher(clean(pageText));
        while (m.find()) {
            String name = tidyName(m.group(1));
            if (name == null || name.split(" ").length > 5) continue;
            mentors.putIfAbsent(name.toLowerCase(Locale.ROOT), Contact.mentor(name, m.group(2)));
        }
        return mentors;
    }

    private List<Contact> parsePart(String part, Map<String, Contact> pageMentors) {
        List<Contact> contacts = new ArrayList<>();
        String rest = part;
        Matcher named = NAMED_ADDRESS.matcher(rest);
        if (named.find()) {
            contacts.add(addressContact(tidyName(named.group(1)), named.group(2)));
            rest = rest.substring(0, named.start()) + " " + rest.substring(named.end());
        }
        Matcher address = ADDRESS_PATTERN.matcher(rest);
        while (address.find()) {
            String before = rest.substring(0, address.start()).replaceAll("[<(\\[]+\\s*$", "");
            String name = contacts.isEmpty() ? tidyName(before) : null;
            contacts.add(addressContact(name, address.group()));
            rest = rest.substring(0, address.start()) + " " + rest.substring(address.end());
            address = ADDRESS_PATTERN.matcher(rest);
        }
        if (!contacts.isEmpty()) return contacts;
        Matcher channel = IRC_CHANNEL.matcher(rest);
        if (channel.find()) return List.of(Contact.irc(channel.group(1)));
        String name = tidyName(rest);
        if (name == null || NOBODY.contains(name.toLowerCase(Locale.ROOT))) return List.of();
        return List.of(resolveName(name, pageMentors));
    }

    private Contact addressContact(String name, String email) {
        if (directory.isList(email)) return Contact.list(email);
        if (name == null) {
            // A bare address the directory knows gets its owner's name.
            Optional<Contact> known = directory.resolve(email);
            if (known.isPresent()) return known.get();
        }
        return Contact.mentor(name, email);
    }

    private Contact resolveName(String name, Map<String, Contact> pageMentors) {
        Contact onPage = pageMentors.get(name.toLowerCase(Locale.ROOT));
        if (onPage != null) return onPage;
        return directory.resolve(name).orElse(Contact.mentor(name, null));
    }

    /** Undoes HTML escaping and address obfuscation, so that the rest of the parser sees plain addresses. */
    private static String clean(String value) {
        String text = Parser.unescapeEntities(value, false).replace('\u00a0', ' ');
        text = text.replaceAll("<\\s*<", "<").replaceAll(">\\s*>", ">");
        // Markdown links: keep the visible text and the mailto target.
        text = text.replaceAll("\\[([^\\]]*)\\]\\(mailto:([^)]+)\\)", "$1 <$2>");
        text = text.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
        text = text.replaceAll("\\*+|`+", "");
        // "(IRC: jdoe)", "(jdoe on IRC)": a nick beside a name is a way to chat, not a second person.
        text = text.replaceAll("(?i)\\s*\\((?=[^()@]*\\b(?:irc|nick|matrix|freenode|libera|oftc|github|gitlab)\\b)[^()@]*\\)", "");
        Matcher m = OBFUSCATED.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String host = DOT.matcher(m.group(2)).replaceAll(".");
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + "@" + host));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Splits on commas, "and", " / "..., but never inside "<...>" or "(...)". */
    private static List<String> splitOutsideBrackets(String text) {
        int[] depth = new int[text.length() + 1];
        int level = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<' || c == '(') level++;
            depth[i] = level;
            if ((c == '>' || c == ')') && level > 0) level--;
        }
        List<String> parts = new ArrayList<>();
        Matcher separator = SEPARATORS.matcher(text);
        int from = 0;
        while (separator.find()) {
            if (depth[separator.start()] > 0) continue;
            parts.add(text.substring(from, separator.start()));
            from = separator.end();
        }
        parts.add(text.substring(from));
        return parts.stream().map(String::strip).filter(part -> !part.isEmpty()).toList();
    }

    /** A display name from the text around an address, or null when nothing name-like is left. */
    private static String tidyName(String raw) {
        if (raw == null) return null;
        String name = raw.replaceAll("[()\\[\\]<>\"“”]", " ").replaceAll("\\s+", " ").strip();
        name = HEDGES.matcher(name).replaceFirst("");
        name = name.replaceAll("^[\\s:,.\\-–]+|[\\s:,.\\-–]+$", "");
        if (name.isEmpty() || !name.matches(".*\\p{L}.*")) return null;
        return name;
    }
}
