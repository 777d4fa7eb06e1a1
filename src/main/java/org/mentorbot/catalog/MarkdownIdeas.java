package org.mentorbot.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the ideas in a Markdown page by its heading outline. Pages mix ideas with notes ("About applying",
 * "Mentors"), so a heading is an idea only when the page says so: it sits directly under a heading announcing
 * ideas or projects, or its own text carries idea metadata (mentors, difficulty, language...). Headings below an
 * idea belong to that idea's description.
 */
final class MarkdownIdeas {

    /** A line that ends the text before it, where a diff left out part of the page. */
    static final String GAP = "\uE000gap\uE000";

    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)(?:\\s+#+)?\\s*$");
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~)");
    private static final Pattern ANNOUNCES_IDEAS =
            Pattern.compile("(?i)\\b(ideas?|projects|project list|proposals)\\b");
    private static final Pattern NOTE = Pattern.compile("(?i)^\\W*(?:(?:a|an|the|some|general|important)\\s+)?"
            + "(?:notes?|about|how|why|who|where|when|mentors?|requirements|getting|introduction|intro|faq|"
            + "contacts?|timeline|applying|application|apply|tips|overview|summary|background|resources|links|"
            + "references|microprojects?|template|guidelines|see also|(?:table of )?contents|legend|students?|"
            + "eligibility|schedule|communication|questions)\\b.*|.*\\b(?:microprojects?|slots)\\b.*");
    private static final Pattern META_INFORMATION = Pattern.compile("(?i)^\\s*(?:\\*\\*)?meta[ -]?information:?(?:\\*\\*)?:?\\s*$");
    private static final Pattern RULE = Pattern.compile("^\\s{0,3}(?:(?:-\\s*){3,}|(?:\\*\\s*){3,}|(?:_\\s*){3,})$");
    private static final Pattern RETIRED = Pattern.compile("(?is)^\\W*(?:removed|retired|withdrawn|obsolete)\\b.*");

    private record Heading(int line, int level, String title) {}

    private MarkdownIdeas() {}

    static List<IdeaDraft> parse(String text) {
        List<String> lines = List.of(stripFrontMatter(text).split("\n", -1));
        boolean[] code = codeLines(lines);
        List<Heading> headings = headings(lines, code);
        List<IdeaDraft> drafts = new ArrayList<>();
        int insideIdeaUntil = -1;
        for (int h = 0; h < headings.size(); h++) {
            Heading heading = headings.get(h);
            if (heading.line() < insideIdeaUntil) continue;
            int sectionEnd = sectionEnd(headings, h, lines.size());
            int bodyEnd = h + 1 < headings.size() ? headings.get(h + 1).line() : lines.size();
            if (!isIdea(headings, h, lines, code, bodyEnd)) continue;
            insideIdeaUntil = sectionEnd;
            drafts.add(draft(heading, lines, code, heading.line() + 1, sectionEnd));
        }
        return drafts;
    }

    static String stripFrontMatter(String text) {
        if (!text.startsWith("---\n")) return text;
        int close = text.indexOf("\n---\n", 3);
        if (close < 0 || close > 2000) return text;
        String block = text.substring(4, close);
        // Only a block of "key: value" lines is front matter; otherwise the page merely starts with a rule.
        for (String line : block.split("\n")) {
            if (!line.isBlank() && !line.matches("^(?:[A-Za-z_][\\w-]*\\s*:.*|\\s+.*|#.*)$")) return text;
        }
        return "\n".repeat((int) block.chars().filter(c -> c == '\n').count() + 2) + text.substring(close + 5);
    }

    private static boolean isIdea(List<Heading> headings, int h, List<String> lines, boolean[] code, int bodyEnd) {
        Heading heading = headings.get(h);
        if (heading.title().isEmpty() || NOTE.matcher(heading.title()).matches()) return false;
        boolean hasChildren = h + 1 < headings.size() && headings.get(h + 1).level() > heading.level();
        if (announcesIdeas(heading) && hasChildren) return false;
        int parent = parent(headings, h);
        if (parent >= 0 && announcesIdeas(headings.get(parent)) && !hasIdeasSection(headings, parent, h)) return true;
        for (int i = heading.line() + 1; i < bodyEnd; i++) {
            if (lines.get(i).equals(GAP)) break;
            if (!code[i] && (MetadataLine.isMetadata(lines.get(i)) || META_INFORMATION.matcher(lines.get(i)).matches())) {
                return true;
            }
        }
        return false;
    }

    private static boolean announcesIdeas(Heading heading) {
        return announcesIdeas(heading.title());
    }

    /** "Project ideas", "Ideas for 2024": a title under which the page lists its ideas. */
    static boolean announcesIdeas(String title) {
        return ANNOUNCES_IDEAS.matcher(title).find() && !isNote(title);
    }

    /** "About applying", "Mentors", "Timeline": a title of the page's notes, never of an idea. */
    static boolean isNote(String title) {
        return NOTE.matcher(title).matches();
    }

    private static int parent(List<Heading> headings, int h) {
        for (int p = h - 1; p >= 0; p--) {
            if (headings.get(p).level() < headings.get(h).level()) return p;
        }
        return -1;
    }

    /**
     * Whether a section announcing ideas holds a narrower one ("# GSoC 2023 ideas" over "## Ideas"): then the
     * outer heading is the page's title, and its other sections ("## Past projects") are notes unless their own
     * metadata says otherwise.
     */
    private static boolean hasIdeasSection(List<Heading> headings, int section, int except) {
        int level = headings.get(section).level();
        for (int i = section + 1; i < headings.size() && headings.get(i).level() > level; i++) {
            boolean hasChildren = i + 1 < headings.size() && headings.get(i + 1).level() > headings.get(i).level();
            if (i != except && hasChildren && announcesIdeas(headings.get(i))) return true;
        }
        return false;
    }

    private static int sectionEnd(List<Heading> headings, int h, int lineCount) {
        for (int next = h + 1; next < headings.size(); next++) {
            if (headings.get(next).level() <= headings.get(h).level()) return headings.get(next).line();
        }
        return lineCount;
    }

    private static IdeaDraft draft(Heading heading, List<String> lines, boolean[] code, int from, int to) {
        List<String> description = new ArrayList<>();
        List<String> contacts = new ArrayList<>();
        List<String> prerequisites = new ArrayList<>();
        List<String> difficulty = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String line = lines.get(i);
            if (line.equals(GAP)) break;
            Optional<MetadataLine> metadata = code[i] ? Optional.empty() : MetadataLine.parse(line);
            if (metadata.isPresent()) {
                String value = metadata.get().value();
                if (value.isEmpty()) continue;
                switch (metadata.get().kind()) {
                    case CONTACT -> contacts.add(value);
                    case PREREQUISITES -> prerequisites.add(value);
                    case DIFFICULTY -> difficulty.add(value);
                }
            } else if (code[i] || !META_INFORMATION.matcher(line).matches()) {
                description.add(line);
            }
        }
        String body = String.join("\n", trimRules(description)).strip().replaceAll("\n{3,}", "\n\n");
        Idea.Status status = RETIRED.matcher(body.replace("*", "")).matches()
                || heading.title().matches("(?i).*[(\\[](?:removed|retired|taken)[)\\]].*")
                ? Idea.Status.RETIRED : Idea.Status.OPEN;
        return new IdeaDraft(heading.title(), body, String.join("; ", prerequisites), String.join("; ", difficulty),
                String.join(", ", contacts), status);
    }

    /** Rules separate ideas on many pages; at the edges of a description they are layout, not content. */
    private static List<String> trimRules(List<String> lines) {
        int start = 0;
        int end = lines.size();
        while (start < end && (lines.get(start).isBlank() || RULE.matcher(lines.get(start)).matches())) start++;
        while (end > start && (lines.get(end - 1).isBlank() || RULE.matcher(lines.get(end - 1)).matches())) end--;
        return lines.subList(start, end);
    }

    static boolean[] codeLines(List<String> lines) {
        boolean[] code = new boolean[lines.size()];
        String open = null;
        for (int i = 0; i < lines.size(); i++) {
            Matcher fence = FENCE.matcher(lines.get(i));
            if (open == null && fence.find()) {
                open = fence.group(1);
                code[i] = true;
            } else if (open != null) {
                code[i] = true;
                if (lines.get(i).strip().startsWith(open)) open = null;
            }
        }
        return code;
    }

    private static List<Heading> headings(List<String> lines, boolean[] code) {
        List<Heading> headings = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (code[i]) continue;
            Matcher m = HEADING.matcher(lines.get(i));
            if (m.matches()) headings.add(new Heading(i, m.group(1).length(), cleanTitle(m.group(2))));
        }
        return headings;
    }

    /**
     * Keeps the heading as written (backticks, punctuation) but drops what is markup rather than text: links,
     * bold marks, and the double quotes pages put around command names.
     */
    static String cleanTitle(String raw) {
        String title = raw.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
        title = title.replaceAll("\\*\\*|__", "").replace("\"", "");
        return title.replaceAll("\\s+", " ").strip();
    }
}
