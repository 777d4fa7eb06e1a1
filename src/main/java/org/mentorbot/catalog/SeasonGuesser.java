package org.mentorbot.catalog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Works out which year a page is for. The page's own title is the best witness, then the programme named with a
 * year near the top, then the file name; pages that only list their previous years are for the year after.
 */
final class SeasonGuesser {

    private static final Pattern YEAR = Pattern.compile("(?<![A-Za-z0-9])((?:19|20)\\d\\d)(?![A-Za-z0-9])");
    private static final Pattern FRONT_MATTER_TITLE =
            Pattern.compile("\\A---\\n(?:.*\\n)*?title:\\s*(.*)\\n(?:.*\\n)*?---\\n");
    private static final Pattern FIRST_HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+)$");
    private static final Pattern PROGRAMME_YEAR = Pattern.compile(
            "(?i)(?<![\\w/])(summer of code|gsoc|outreachy|season of docs|round \\d+)\\b[^\\n\\[\\]|/]{0,40}?"
                    + "(?<![A-Za-z0-9])((?:19|20)\\d\\d)(?![A-Za-z0-9])");
    private static final Pattern PRIOR_YEARS_LINE =
            Pattern.compile("(?im)^.*(prior year|previous year|past year|earlier year|pages from).*$");
    /** Only the top of a page names its own season; further down, years belong to history and references. */
    private static final int HEADER_CHARS = 2000;

    private SeasonGuesser() {}

    static Integer guess(String pageText, String catalogName) {
        Matcher frontMatter = FRONT_MATTER_TITLE.matcher(pageText);
        if (frontMatter.find()) {
            Integer year = firstYear(frontMatter.group(1));
            if (year != null) return year;
        }
        Matcher heading = FIRST_HEADING.matcher(pageText);
        if (heading.find()) {
            Integer year = firstYear(heading.group(1));
            if (year != null) return year;
        }
        String header = pageText.substring(0, Math.min(pageText.length(), HEADER_CHARS));
        Matcher programme = PROGRAMME_YEAR.matcher(header);
        if (programme.find()) return Integer.parseInt(programme.group(2));
        if (catalogName != null) {
            Integer year = firstYear(catalogName);
            if (year != null) return year;
        }
        Matcher prior = PRIOR_YEARS_LINE.matcher(header);
        if (prior.find()) {
            Integer latest = latestYear(prior.group());
            if (latest != null) return latest + 1;
        }
        return null;
    }

    private static Integer firstYear(String text) {
        Matcher m = YEAR.matcher(text);
        return m.find() ? Integer.parseInt(m.group(1)) : null;
    }

    private static Integer latestYear(String text) {
        Matcher m = YEAR.matcher(text);
        Integer latest = null;
        while (m.find()) {
            int year = Integer.parseInt(m.group(1));
            if (latest == null || year > latest) latest = year;
        }
        return latest;
    }
}
