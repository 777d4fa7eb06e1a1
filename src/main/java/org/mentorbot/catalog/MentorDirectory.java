package org.mentorbot.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the pages leave out: who a nick like "dillon" is, which addresses are lists, and whom to contact for ideas
 * that name nobody. Loaded from a small text file (see config/mentors.txt for the format).
 */
public final class MentorDirectory {

    private static final Pattern PERSON = Pattern.compile("^(.+?)\\s*=\\s*(.+?)\\s*<\\s*([^<>\\s]+@[^<>\\s]+)\\s*>$");
    private static final Pattern LIST = Pattern.compile("^list\\s*=\\s*<?([^<>\\s]+@[^<>\\s]+)>?$");
    private static final Pattern FALLBACK =
            Pattern.compile("^fallback\\s+(.+?)(?:\\s+when\\s+(.+))?$", Pattern.CASE_INSENSITIVE);

    private record Fallback(String contact, String word) {}

    private final Map<String, Contact> people;
    private final Set<String> lists;
    private final List<Fallback> fallbacks;

    private MentorDirectory(Map<String, Contact> people, Set<String> lists, List<Fallback> fallbacks) {
        this.people = Map.copyOf(people);
        this.lists = Set.copyOf(lists);
        this.fallbacks = List.copyOf(fallbacks);
    }

    public static MentorDirectory empty() {
        return new MentorDirectory(Map.of(), Set.of(), List.of());
    }

    public static MentorDirectory load(Path file) throws CatalogException {
        if (!Files.isRegularFile(file)) throw new CatalogException("mentor directory " + file + ": no such file");
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CatalogException("mentor directory " + file + ": cannot read: " + e.getMessage());
        }
        Map<String, Contact> people = new HashMap<>();
        Set<String> lists = new HashSet<>();
        List<Fallback> fallbacks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            Matcher list = LIST.matcher(line);
            Matcher fallback = FALLBACK.matcher(line);
            Matcher person = PERSON.matcher(line);
            if (list.matches()) {
                lists.add(key(list.group(1)));
            } else if (fallback.matches()) {
                fallbacks.add(new Fallback(fallback.group(1).strip(), fallback.group(2) == null ? null : fallback.group(2).strip()));
            } else if (person.matches()) {
                Contact contact = Contact.mentor(person.group(2).strip(), person.group(3));
                people.put(key(contact.name()), contact);
                people.put(key(contact.email()), contact);
                for (String alias : person.group(1).split(",")) {
                    if (alias.isBlank()) {
                        throw new CatalogException("mentor directory " + file + ": line " + (i + 1) + ": empty alias");
                    }
                    people.put(key(alias), contact);
                }
            } else {
                throw new CatalogException("mentor directory " + file + ": line " + (i + 1)
                        + ": expected 'nick[, alias] = Full Name <address>', 'list = address' or 'fallback address when word'");
            }
        }
        return new MentorDirectory(people, lists, fallbacks);
    }

    /** Matches a nick, an alias or a full name, ignoring case and surrounding blanks. */
    public Optional<Contact> resolve(String nickOrName) {
        if (nickOrName == null) return Optional.empty();
        return Optional.ofNullable(people.get(key(nickOrName)));
    }

    /** Declared lists, and addresses shaped like lists (see {@link ListAddresses}). */
    public boolean isList(String email) {
        if (email == null) return false;
        return lists.contains(key(email)) || ListAddresses.looksLikeList(email);
    }

    /** The contact for ideas that name none, chosen by the first rule whose word occurs in the page. */
    public Optional<Contact> fallbackFor(String catalogText) {
        String text = catalogText == null ? "" : catalogText;
        for (Fallback fallback : fallbacks) {
            if (fallback.word() == null || containsWord(text, fallback.word())) {
                return Optional.of(toContact(fallback.contact()));
            }
        }
        return Optional.empty();
    }

    private Contact toContact(String value) {
        List<Contact> parsed = new ContactParser(this).parse(value);
        if (!parsed.isEmpty()) return parsed.get(0);
        return Contact.mentor(value, null);
    }

    private static boolean containsWord(String text, String word) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text).find();
    }

    private static String key(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
