package org.mentorbot.action;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The texts of the bot's mails: one template per kind of mail, each a first line "Subject: ..." and, after
 * a blank line, the body. "${name}" is replaced by a value; values go in as they are, never re-read as
 * template text, so a student's subject containing "${x}" stays literal. Each template may use only the
 * placeholders its mail supplies, checked when loading so a typo fails at start-up rather than at the
 * first inquiry.
 */
public final class Templates {

    /** The placeholders each template may use, all of which the composer fills in. */
    static final Map<String, Set<String>> PLACEHOLDERS = Map.of(
            "notify", Set.of("bot_name", "idea_title", "idea_id", "catalog", "confidence", "reasons", "alternatives",
                    "student_name", "student_address", "subject", "date", "message_id", "mentor_names"),
            "reply", Set.of("bot_name", "idea_title", "idea_id", "catalog", "student_name", "subject",
                    "mentor_names"),
            "digest", Set.of("bot_name", "mentor_name", "routed", "unanswered", "routed_count",
                    "unanswered_count"));

    public static final List<String> NAMES = List.of("notify", "reply", "digest");

    /** A template with its values filled in. */
    public record Rendered(String subject, String body) {
    }

    private record Template(String name, String subject, String body) {
    }

    private final Map<String, Template> templates;

    private Templates(Map<String, Template> templates) {
        this.templates = templates;
    }

    /** The built-in texts, the same as the files shipped in config/templates/. */
    public static Templates defaults() {
        Map<String, Template> t = new LinkedHashMap<>();
        for (String name : NAMES) t.put(name, parse(name, DefaultTemplates.text(name)));
        return new Templates(t);
    }

    /** notify.txt, reply.txt and digest.txt from {@code dir}; each must exist. */
    public static Templates load(Path dir) {
        Map<String, Template> t = new LinkedHashMap<>();
        for (String name : NAMES) {
            Path file = dir.resolve(name + ".txt");
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new TemplateException("template " + name + ".txt is missing: expected " + file);
            } catch (IOException e) {
                throw new TemplateException("template " + name + ".txt cannot be read (" + file + "): " + e);
            }
            t.put(name, parse(name, text));
        }
        return new Templates(t);
    }

    /** The template's subject and body with every placeholder replaced. */
    public Rendered render(String name, Map<String, String> values) {
        Template t = templates.get(name);
        if (t == null) throw new TemplateException("no template named " + name);
        return new Rendered(fill(t, t.subject, values), fill(t, t.body, values));
    }

    private static Template parse(String name, String text) {
        String file = name + ".txt";
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        t = t.replace("\r\n", "\n").replace('\r', '\n');
        int firstBreak = t.indexOf('\n');
        String first = firstBreak < 0 ? t : t.substring(0, firstBreak);
        if (!first.regionMatches(true, 0, "Subject:", 0, 8)) {
            throw new TemplateException("template " + file + ": the first line must be \"Subject: ...\"");
        }
        String rest = firstBreak < 0 ? "" : t.substring(firstBreak + 1);
        int secondBreak = rest.indexOf('\n');
        String second = secondBreak < 0 ? rest : rest.substring(0, secondBreak);
        if (!second.isBlank()) {
            throw new TemplateException("template " + file + ": a blank line must follow the Subject line");
        }
        Template parsed = new Template(name, first.substring(8).trim(),
                secondBreak < 0 ? "" : rest.substring(secondBreak + 1));
        Set<String> allowed = PLACEHOLDERS.get(name);
        for (String p : placeholders(parsed, parsed.subject)) checkKnown(parsed, p, allowed);
        for (String p : placeholders(parsed, parsed.body)) checkKnown(parsed, p, allowed);
        return parsed;
    }

    private static void checkKnown(Template t, String placeholder, Set<String> allowed) {
        if (!allowed.contains(placeholder)) {
            throw new TemplateException("template " + t.name + ".txt: unknown placeholder ${" + placeholder
                    + "}; known: " + new TreeSet<>(allowed));
        }
    }

    private static List<String> placeholders(Template t, String text) {
        List<String> names = new ArrayList<>();
        int i = 0;
        while ((i = text.indexOf("${", i)) >= 0) {
            int end = text.indexOf('}', i + 2);
            if (end < 0) {
                throw new TemplateException("template " + t.name + ".txt: unterminated placeholder at \""
                        + text.substring(i, Math.min(text.length(), i + 20)) + "\"");
            }
            names.add(text.substring(i + 2, end).trim());
            i = end + 1;
        }
        return names;
    }

    private static String fill(Template t, String text, Map<String, String> values) {
        StringBuilder out = new StringBuilder(text.length() + 256);
        int i = 0;
        while (true) {
            int start = text.indexOf("${", i);
            if (start < 0) break;
            int end = text.indexOf('}', start + 2);
            String name = text.substring(start + 2, end).trim();
            String value = values.get(name);
            if (value == null) {
                throw new TemplateException("template " + t.name + ".txt: no value for placeholder ${" + name + "}");
            }
            out.append(text, i, start).append(value);
            i = end + 1;
        }
        return out.append(text.substring(i)).toString();
    }
}
