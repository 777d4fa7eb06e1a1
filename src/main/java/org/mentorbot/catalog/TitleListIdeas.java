package org.mentorbot.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ideas of a page that is hardly more than its titles: a list of short items ("- Faster startup (Mentor: Jane)")
 * or a Markdown table with a project column. Ordinary pages are full of lists of other things (requirements,
 * steps, links), so a list counts only when it is announced as ideas or its items name mentors, and only when the
 * page has no idea headings at all (see {@link #applies}).
 */
final class TitleListIdeas {

    private static final Pattern ITEM = Pattern.compile("^( {0,3})(?:[-*+•]|\\d{1,3}[.)])\\s+(\\S.*)$");
    private static final Pattern NESTED = Pattern.compile("^(?: {2,}|\\t)\\s*\\S.*$");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)(?:\\s+#+)?\\s*$");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\s*\\|.*\\|\\s*$");
    private static final Pattern TABLE_RULE = Pattern.compile("^\\s*\\|?\\s*:?-{2,}:?\\s*(?:\\|\\s*:?-{2,}:?\\s*)*\\|?\\s*$");
    /** Where an item's metadata starts: "— mentor: X", "(Mentors: A, B)", ", difficulty: easy". */
    private static final Pattern KEY = Pattern.compile("(?i)(?:^|(?<=[\\s(\\[,;|—–-]))((?:(?:possible|potential|prospective|"
            + "proposed|suggested|co)[ -]?)?mentors?(?:\\(s\\))?|contacts?|difficulty|skills?|languages?|prerequisites?)\\s*:");
    private static final Pattern TRAILING_BRACKET = Pattern.compile("\\s*\\[([^\\[\\]]+)\\]\\s*$");
    private static final Pattern LEADING_BOLD = Pattern.compile("^(?:\\*\\*|__)(.+?)(?:\\*\\*|__)\\s*(?:[:.—–-]+\\s*)?(.*)$");
    private static final Pattern LEADING_LINK = Pattern.compile("^\\[([^\\]]+)\\]\\([^)]*\\)\\s*(?:[:.—–-]+\\s*)?(.*)$");
    private static final Pattern DASH_SPLIT = Pattern.compile("^(.{3,}?)\\s+(?:—|–|--?)\\s+(.*)$");
    private static final Pattern COLON_SPLIT = Pattern.compile("^([^:]{3,80}?):\\s+(.*)$");
    private static final Pattern STRUCK = Pattern.compile("^~~(.*)~~$");
    /** Lines introducing lists of things students must do or have, however the page words them. */
    private static final Pattern NOT_IDEAS = Pattern.compile(
            "(?i).*\\b(?:requir\\w*|prerequisit\\w*|before|should|must|need\\w*|steps?|links?|apply\\w*|past|previous|"
                    + "accepted|completed|finished)\\b.*");
    private static final Pattern TITLE_HEADER = Pattern.compile(
            "(?i)^(?:projects?|project (?:name|title|idea)s?|ideas?|idea title|titles?|topics?|proposals?|tasks?)$");
    private static final Pattern DESCRIPTION_HEADER = Pattern.compile(
            "(?i)^(?:descriptions?|details|summary|abstract|about|goals?|notes?|short description)$");
    private static final Set<String> DIFFICULTIES = Set.of("easy", "medium", "moderate", "hard", "difficult",
            "intermediate", "advanced", "beginner", "low", "high", "small", "large");
    private static final Set<String> TAKEN = Set.of("taken", "assigned", "in progress", "claimed");
    private static final Set<String> RETIRED = Set.of("removed", "retired", "done", "closed", "completed", "obsolete");
    private static final int MAX_TITLE_WORDS = 14;
    private static final int MAX_TITLE_CHARS = 120;

    private record Item(String title, String description, MetadataFields fields, Idea.Status status,
                        boolean titleLike, boolean annotated) {}

    private TitleListIdeas() {}

    /**
     * A page with idea headings is read by them; its lists are descriptions. The one exception is a heading
     * that merely announces the list ("# Project ideas 2024") and became an idea only because of a stray
     * metadata line under it.
     */
    static boolean applies(List<IdeaDraft> headingIdeas) {
        return headingIdeas.stream().allMatch(draft -> MarkdownIdeas.announcesIdeas(draft.title()));
    }

    static List<IdeaDraft> parse(String markdown) {
        List<String> lines = List.of(MarkdownIdeas.stripFrontMatter(markdown).split("\n", -1));
        boolean[] code = MarkdownIdeas.codeLines(lines);
        List<IdeaDraft> drafts = new ArrayList<>();
        String heading = null;
        String lead = null;
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (code[i] || line.isBlank()) {
                i++;
                continue;
            }
            if (TABLE_ROW.matcher(line).matches() && i + 1 < lines.size() && TABLE_RULE.matcher(lines.get(i + 1)).matches()) {
                int end = i + 2;
                while (end < lines.size() && TABLE_ROW.matcher(lines.get(end)).matches()) end++;
                drafts.addAll(table(lines.get(i), lines.subList(i + 2, end)));
                i = end;
                continue;
            }
            if (ITEM.matcher(line).matches()) {
                int end = listEnd(lines, code, i);
                drafts.addAll(list(announced(heading, lead), lines.subList(i, end)));
                i = end;
                continue;
            }
            Matcher headingLine = HEADING.matcher(line);
            if (headingLine.matches()) {
                heading = headingLine.group(1);
                lead = null;
            } else {
                lead = line.strip();
            }
            i++;
        }
        return drafts;
    }

    /** A list runs over its items, their indented continuation lines, and single blank lines between items. */
    private static int listEnd(List<String> lines, boolean[] code, int start) {
        int end = start + 1;
        while (end < lines.size()) {
            String line = lines.get(end);
            if (code[end]) {
                end++;
            } else if (ITEM.matcher(line).matches() || (NESTED.matcher(line).matches())) {
                end++;
            } else if (line.isBlank() && end + 1 < lines.size() && !code[end + 1]
                    && (ITEM.matcher(lines.get(end + 1)).matches() || NESTED.matcher(lines.get(end + 1)).matches())) {
                end++;
            } else {
                break;
            }
        }
        return end;
    }

    private static List<IdeaDraft> list(boolean announced, List<String> lines) {
        List<Item> items = new ArrayList<>();
        String text = null;
        List<String> nested = new ArrayList<>();
        for (String line : lines) {
            Matcher item = ITEM.matcher(line);
            if (item.matches()) {
                if (text != null) items.add(item(text, nested));
                text = item.group(2).strip();
                nested = new ArrayList<>();
            } else if (!line.isBlank()) {
                nested.add(line);
            }
        }
        if (text != null) items.add(item(text, nested));
        long titleLike = items.stream().filter(Item::titleLike).count();
        long annotated = items.stream().filter(Item::annotated).count();
        if (titleLike < 2 || titleLike * 3 < items.size() * 2 || (!announced && annotated * 2 <= items.size())) {
            return List.of();
        }
        return items.stream().filter(Item::titleLike)
                .map(item -> item.fields().draft(item.title(), item.description(), item.status()))
                .toList();
    }

    /**
     * Whether the ideas are announced for a list: by the line leading into it ("Ideas for this year:"), unless
     * that line leads into something else ("Before applying you should:"); otherwise by its section's heading.
     */
    private static boolean announced(String heading, String lead) {
        if (lead != null) {
            String text = MarkdownIdeas.cleanTitle(lead);
            boolean notIdeas = NOT_IDEAS.matcher(text).matches();
            if (MarkdownIdeas.announcesIdeas(text) && !notIdeas) return true;
            if (notIdeas && text.endsWith(":")) return false;
        }
        return heading != null && MarkdownIdeas.announcesIdeas(MarkdownIdeas.cleanTitle(heading))
                && !NOT_IDEAS.matcher(heading).matches();
    }

    private static Item item(String raw, List<String> nested) {
        MetadataFields fields = new MetadataFields();
        if (MetadataLine.isMetadata("- " + raw)) return new Item(raw, "", fields, Idea.Status.OPEN, false, false);
        Idea.Status status = Idea.Status.OPEN;
        boolean annotated = false;
        String text = raw;
        Matcher struck = STRUCK.matcher(text);
        if (struck.matches()) {
            text = struck.group(1).strip();
            status = Idea.Status.RETIRED;
        }
        // Trailing "[Jane Doe]", "[easy]" or "[taken]".
        Matcher bracket = TRAILING_BRACKET.matcher(text);
        if (bracket.find() && bracket.start() > 0) {
            String value = bracket.group(1).strip();
            String lower = value.toLowerCase(Locale.ROOT);
            if (DIFFICULTIES.contains(lower)) {
                fields.add(MetadataLine.Kind.DIFFICULTY, value);
            } else if (TAKEN.contains(lower)) {
                status = Idea.Status.TAKEN;
            } else if (RETIRED.contains(lower)) {
                status = Idea.Status.RETIRED;
            } else if (!fields.take(value)) {
                fields.add(MetadataLine.Kind.CONTACT, value);
                annotated = true;
            }
            text = text.substring(0, bracket.start()).strip();
        }
        Matcher key = KEY.matcher(text);
        if (key.find() && key.start() > 0) {
            annotated |= takeAnnotations(text.substring(key.start()), fields);
            text = text.substring(0, key.start()).replaceAll("[\\s(\\[,;|—–-]+$", "").strip();
        }
        String title = text;
        String description = "";
        Matcher split = LEADING_BOLD.matcher(text);
        if (!split.matches()) split = LEADING_LINK.matcher(text);
        if (!split.matches()) split = DASH_SPLIT.matcher(text);
        if (!split.matches()) split = COLON_SPLIT.matcher(text);
        if (split.matches()) {
            title = split.group(1);
            description = split.group(2);
        }
        List<String> descriptionLines = new ArrayList<>();
        if (!description.isBlank()) descriptionLines.add(description.strip());
        for (String line : nested) {
            if (fields.take(line)) {
                annotated = true;
            } else {
                descriptionLines.add(line.strip());
            }
        }
        title = MarkdownIdeas.cleanTitle(title).replaceAll("[\\s:]+$", "");
        return new Item(title, String.join("\n", descriptionLines), fields, status, titleLike(title), annotated);
    }

    /** "mentor: A; difficulty: easy" or "Mentors: A, B, Difficulty: easy": one metadata value per key. */
    private static boolean takeAnnotations(String annotations, MetadataFields fields) {
        String body = annotations.replaceAll("^[\\s(\\[]+|[\\s)\\]]+$", "");
        Matcher key = KEY.matcher(body);
        List<Integer> starts = new ArrayList<>();
        while (key.find()) starts.add(key.start());
        boolean contact = false;
        for (int k = 0; k < starts.size(); k++) {
            int end = k + 1 < starts.size() ? starts.get(k + 1) : body.length();
            String part = body.substring(starts.get(k), end).replaceAll("[\\s,;|)(—–-]+$", "");
            if (!fields.take(part)) continue;
            contact |= MetadataLine.parse(part).map(m -> m.kind() == MetadataLine.Kind.CONTACT).orElse(false);
        }
        return contact;
    }

    private static boolean titleLike(String title) {
        if (title.length() < 3 || title.length() > MAX_TITLE_CHARS || !title.matches(".*\\p{L}.*")) return false;
        if (title.matches("(?i)^(?:https?://|www\\.)\\S*$")) return false;
        int words = title.split("\\s+").length;
        if (words > MAX_TITLE_WORDS) return false;
        // A sentence, not a title: "Read the guide first." ends like prose.
        return !(title.endsWith(".") && words > 5) && !title.endsWith("?") && !title.endsWith(",");
    }

    private static List<IdeaDraft> table(String headerRow, List<String> rows) {
        List<String> headers = cells(headerRow).stream().map(MarkdownIdeas::cleanTitle).toList();
        int titleColumn = -1;
        boolean hasContactColumn = false;
        MetadataLine.Kind[] kinds = new MetadataLine.Kind[headers.size()];
        boolean[] described = new boolean[headers.size()];
        for (int c = 0; c < headers.size(); c++) {
            String header = headers.get(c);
            if (titleColumn < 0 && TITLE_HEADER.matcher(header).matches()) {
                titleColumn = c;
                continue;
            }
            if (DESCRIPTION_HEADER.matcher(header).matches()) {
                described[c] = true;
                continue;
            }
            kinds[c] = MetadataLine.parse(header + ": x").map(MetadataLine::kind).orElse(null);
            hasContactColumn |= kinds[c] == MetadataLine.Kind.CONTACT;
        }
        if (titleColumn < 0 && hasContactColumn) {
            for (int c = 0; c < headers.size() && titleColumn < 0; c++) {
                if (kinds[c] == null && !described[c]) titleColumn = c;
            }
        }
        if (titleColumn < 0) return List.of();
        List<IdeaDraft> drafts = new ArrayList<>();
        for (String row : rows) {
            List<String> cells = cells(row);
            if (titleColumn >= cells.size()) continue;
            String title = MarkdownIdeas.cleanTitle(cells.get(titleColumn));
            Idea.Status status = Idea.Status.OPEN;
            Matcher struck = STRUCK.matcher(title);
            if (struck.matches()) {
                title = struck.group(1).strip();
                status = Idea.Status.RETIRED;
            }
            if (!title.matches(".*\\p{L}.*")) continue;
            MetadataFields fields = new MetadataFields();
            List<String> description = new ArrayList<>();
            for (int c = 0; c < cells.size() && c < headers.size(); c++) {
                String cell = cells.get(c);
                if (c == titleColumn || cell.isBlank()) continue;
                if (kinds[c] != null) {
                    fields.add(kinds[c], cell);
                } else if (described[c]) {
                    description.add(cell);
                } else if (!headers.get(c).isBlank()) {
                    description.add(headers.get(c) + ": " + cell);
                }
            }
            drafts.add(fields.draft(title, String.join("\n", description), status));
        }
        return drafts;
    }

    private static List<String> cells(String row) {
        String inner = row.strip().replaceAll("^\\|", "").replaceAll("\\|$", "");
        List<String> cells = new ArrayList<>();
        // "\|" is a pipe inside a cell.
        for (String cell : inner.split("(?<!\\\\)\\|", -1)) {
            cells.add(cell.replace("\\|", "|").replaceAll("(?i)<br\\s*/?>", " ").strip());
        }
        return cells;
    }
}
