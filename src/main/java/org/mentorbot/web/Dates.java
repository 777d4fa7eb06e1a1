package org.mentorbot.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as the page, the feed and mbox files write them. Archive dates are epoch ms, 0 when unknown. */
final class Dates {

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** asctime(3), as mbox "From " lines carry it: "Mon Mar  1 10:00:00 2010". */
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Dates() {
    }

    static String display(long epochMillis) {
        return epochMillis == 0 ? "date unknown" : DISPLAY.format(Instant.ofEpochMilli(epochMillis));
    }

    /** RFC 3339, as Atom requires. */
    static String rfc3339(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    static String asctime(long epochMillis) {
        return ASCTIME.format(Instant.ofEpochMilli(epochMillis));
    }
}
