package org.mentorbot.archive;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value of {@code d:}: an inclusive range of epoch milliseconds, from the start of the first period
 * to the end of the last ({@code 2011-02..2011-04} is February 1 to April 30). Either end may be left open.
 * Relative dates ({@code today}, {@code last.week}, {@code 3.days.ago}) are days counted back from the
 * clock's date in UTC, so that a query means the same thing all day long.
 */
record DateRange(long from, long to) {

    static final String FORMS = "use YYYY, YYYY-MM, YYYY-MM-DD, or last.week/last.month/last.year/today/yesterday";

    /**
     * An open start stops at 1, not Long.MIN_VALUE: the index stores 0 for an unknown date, and a message
     * of unknown date is not "before 2012".
     */
    static final long OPEN_START = 1;
    static final long OPEN_END = Long.MAX_VALUE;

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})");
    private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern AGO = Pattern.compile("(\\d{1,5})\\.(day|week|month|year)s?\\.ago");

    /** A period of whole days: a day, a month, a year. */
    private record Period(LocalDate first, LocalDate last, boolean relative) {
    }

    static DateRange parse(String value, int position, Clock clock) throws QueryError {
        int dots = value.indexOf("..");
        if (dots < 0) {
            Period p = period(value, position, clock);
            // "d:last.week" means since then, as "d:last.week.." would; only today and yesterday are days.
            boolean since = p.relative() && !value.equals("today") && !value.equals("yesterday");
            return new DateRange(startOf(p.first()), since ? OPEN_END : endOf(p.last()));
        }
        String left = value.substring(0, dots);
        String right = value.substring(dots + 2);
        if (left.isEmpty() && right.isEmpty()) {
            throw new QueryError(position, "\"..\" needs a date on at least one side (" + FORMS + ")");
        }
        long from = left.isEmpty() ? OPEN_START : startOf(period(left, position, clock).first());
        long to = right.isEmpty() ? OPEN_END : endOf(period(right, position + dots + 2, clock).last());
        if (from > to) {
            throw new QueryError(position, "\"" + value + "\" is an empty range: it starts after it ends");
        }
        return new DateRange(from, to);
    }

    private static Period period(String text, int position, Clock clock) throws QueryError {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        try {
            Matcher m;
            if (YEAR.matcher(text).matches()) {
                Year y = Year.of(Integer.parseInt(text));
                return new Period(y.atDay(1), y.atMonth(12).atEndOfMonth(), false);
            }
            if ((m = MONTH.matcher(text)).matches()) {
                YearMonth ym = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                return new Period(ym.atDay(1), ym.atEndOfMonth(), false);
            }
            if ((m = DAY.matcher(text)).matches()) {
                LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
                return new Period(d, d, false);
            }
        } catch (DateTimeException e) {
            // Fall through: 2011-13 has the shape of a date but is none.
        }
        LocalDate day = switch (text) {
            case "today" -> today;
            case "yesterday" -> today.minusDays(1);
            case "last.week" -> today.minusWeeks(1);
            case "last.month" -> today.minusMonths(1);
            case "last.year" -> today.minusYears(1);
            default -> ago(text, today);
        };
        if (day == null) {
            throw new QueryError(position, "\"" + text + "\" is not a date (" + FORMS + ")");
        }
        return new Period(day, day, true);
    }

    private static LocalDate ago(String text, LocalDate today) {
        Matcher m = AGO.matcher(text);
        if (!m.matches()) {
            return null;
        }
        int n = Integer.parseInt(m.group(1));
        return switch (m.group(2)) {
            case "day" -> today.minusDays(n);
            case "week" -> today.minusWeeks(n);
            case "month" -> today.minusMonths(n);
            default -> today.minusYears(n);
        };
    }

    private static long startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static long endOf(LocalDate day) {
        return startOf(day.plusDays(1)) - 1;
    }
}
