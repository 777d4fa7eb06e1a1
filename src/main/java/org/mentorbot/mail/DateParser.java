package org.mentorbot.mail;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the dates real mail carries, not only RFC 5322's: missing weekday or time, two-digit years, zone names
 * instead of offsets, a "(CEST)" comment, asctime ("Wed Feb 23 23:43:00 2011"), ISO 8601. Tokens are
 * classified by shape (month name, hh:mm[:ss], +hhmm, 4-digit year, small number), so field order barely
 * matters. Missing time → midnight; missing zone → UTC. Anything without day, month and year → null.
 */
public final class DateParser {

    private static final Map<String, Integer> ZONES = Map.ofEntries(
            Map.entry("UT", 0), Map.entry("UTC", 0), Map.entry("GMT", 0), Map.entry("Z", 0), Map.entry("WET", 0),
            Map.entry("EST", -300), Map.entry("EDT", -240), Map.entry("CST", -360), Map.entry("CDT", -300),
            Map.entry("MST", -420), Map.entry("MDT", -360), Map.entry("PST", -480), Map.entry("PDT", -420),
            Map.entry("AKST", -540), Map.entry("AKDT", -480), Map.entry("HST", -600),
            Map.entry("CET", 60), Map.entry("CEST", 120), Map.entry("MET", 60), Map.entry("MEST", 120),
            Map.entry("BST", 60), Map.entry("WEST", 60), Map.entry("EET", 120), Map.entry("EEST", 180),
            Map.entry("MSK", 180), Map.entry("IST", 330), Map.entry("CST-CHINA", 480), Map.entry("HKT", 480),
            Map.entry("SGT", 480), Map.entry("JST", 540), Map.entry("KST", 540), Map.entry("AEST", 600),
            Map.entry("AEDT", 660), Map.entry("NZST", 720), Map.entry("NZDT", 780), Map.entry("BRT", -180),
            Map.entry("ART", -180));

    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
        "nov", "dec"};

    private DateParser() {
    }

    /** The instant {@code value} names, or null when it is absent or cannot be read as a date. */
    public static Instant parse(String value) {
        if (value == null || value.isBlank() || value.length() > 200) return null;
        Fields f = new Fields();
        int n = value.length();
        int i = 0;
        while (i < n) {
            char c = value.charAt(i);
            if (c == '(') { // comment such as "(CEST)": a zone name only if no numeric offset comes
                int close = value.indexOf(')', i);
                if (close < 0) close = n;
                if (f.zoneName == null) f.zoneName = value.substring(i + 1, close).trim();
                i = close + 1;
                continue;
            }
            if (Character.isWhitespace(c) || c == ',') {
                i++;
                continue;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(value.charAt(i)) && value.charAt(i) != ','
                    && value.charAt(i) != '(') {
                i++;
            }
            f.token(value.substring(start, i));
        }
        return f.toInstant();
    }

    private static final class Fields {
        int day = -1;
        int month = -1;
        int year = -1;
        int hour;
        int minute;
        int second;
        boolean pm;
        boolean am;
        Integer offsetMinutes;
        Integer namedOffset;
        String zoneName;

        void token(String token) {
            if (token.endsWith(".")) token = token.substring(0, token.length() - 1);
            if (token.isEmpty()) return;
            char first = token.charAt(0);
            if ((first == '+' || first == '-') && token.length() >= 3 && Character.isDigit(token.charAt(1))) {
                offset(token);
                return;
            }
            if (Character.isDigit(first)) {
                number(token);
                return;
            }
            if (Character.isLetter(first)) {
                word(token);
            }
        }

        private void number(String token) {
            if (token.length() >= 8 && token.charAt(4) == '-' && allDigits(token, 0, 4)) { // ISO 8601
                iso(token);
                return;
            }
            int colon = token.indexOf(':');
            if (colon > 0) {
                time(token);
                return;
            }
            int dash = indexOfAny(token, '-', '/');
            if (dash > 0) { // "23-Feb-2011", "23/Feb/2011"
                for (String part : token.split("[-/]")) {
                    if (!part.isEmpty()) token(part);
                }
                return;
            }
            if (!allDigits(token, 0, token.length())) {
                // "23rd", or a time glued to a zone: take the leading digits
                int end = 0;
                while (end < token.length() && Character.isDigit(token.charAt(end))) end++;
                number(token.substring(0, end));
                return;
            }
            if (token.length() > 4) return;
            int v = Integer.parseInt(token);
            if (token.length() == 4) {
                if (year < 0) year = v;
            } else if (day < 0 && v >= 1 && v <= 31) {
                day = v;
            } else if (year < 0) {
                year = v < 50 ? 2000 + v : v < 1000 ? 1900 + v : v;
            }
        }

        private void iso(String token) {
            try {
                year = Integer.parseInt(token.substring(0, 4));
                month = Integer.parseInt(token.substring(5, 7));
                day = Integer.parseInt(token.substring(8, 10));
            } catch (RuntimeException e) {
                return;
            }
            if (token.length() > 11 && (token.charAt(10) == 'T' || token.charAt(10) == 't')) {
                String rest = token.substring(11);
                int zone = indexOfAny(rest, '+', '-', 'Z');
                if (zone > 0) {
                    String z = rest.substring(zone);
                    if (z.equals("Z")) offsetMinutes = 0;
                    else offset(z);
                    rest = rest.substring(0, zone);
                }
                time(rest);
            }
        }

        private void time(String token) {
            String[] parts = token.split(":");
            try {
                hour = Integer.parseInt(parts[0]);
                minute = parts.length > 1 ? Integer.parseInt(digitsPrefix(parts[1])) : 0;
                second = parts.length > 2 ? Integer.parseInt(digitsPrefix(parts[2])) : 0;
            } catch (NumberFormatException e) {
                hour = minute = second = 0;
            }
        }

        private void offset(String token) {
            String digits = token.substring(1).replace(":", "");
            if (digits.length() < 2 || !allDigits(digits, 0, digits.length()) || digits.length() > 4) return;
            int v = Integer.parseInt(digits);
            int minutes = digits.length() <= 2 ? v * 60 : (v / 100) * 60 + v % 100;
            if (minutes > 18 * 60) return;
            offsetMinutes = token.charAt(0) == '-' ? -minutes : minutes;
        }

        private void word(String token) {
            String lower = token.toLowerCase(Locale.ROOT);
            if (lower.length() >= 3) {
                String prefix = lower.substring(0, 3);
                for (int m = 0; m < MONTHS.length; m++) {
                    if (MONTHS[m].equals(prefix) && month < 0) {
                        // "Mar", "March", "Mon" must not collide: month names only match when the rest agrees
                        if (lower.length() == 3 || fullMonthStartsWith(m, lower)) {
                            month = m + 1;
                            return;
                        }
                    }
                }
            }
            if (lower.equals("pm")) {
                pm = true;
                return;
            }
            if (lower.equals("am")) {
                am = true;
                return;
            }
            Integer zone = ZONES.get(token.toUpperCase(Locale.ROOT));
            if (zone != null && namedOffset == null) namedOffset = zone;
        }

        private static boolean fullMonthStartsWith(int m, String lower) {
            String[] full = {"january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december"};
            return full[m].startsWith(lower) || (m == 8 && lower.equals("sept"));
        }

        Instant toInstant() {
            if (day < 0 || month < 0 || year < 0) return null;
            if (pm && hour < 12) hour += 12;
            if (am && hour == 12) hour = 0;
            if (second == 60) second = 59; // leap second
            int offset = 0;
            if (offsetMinutes != null) {
                offset = offsetMinutes;
            } else if (namedOffset != null) {
                offset = namedOffset;
            } else if (zoneName != null) {
                Integer named = ZONES.get(zoneName.toUpperCase(Locale.ROOT));
                if (named != null) offset = named;
            }
            try {
                return LocalDateTime.of(year, month, day, hour, minute, second)
                        .toInstant(ZoneOffset.ofTotalSeconds(offset * 60));
            } catch (DateTimeException e) {
                return null;
            }
        }
    }

    private static String digitsPrefix(String s) {
        int end = 0;
        while (end < s.length() && Character.isDigit(s.charAt(end))) end++;
        return end == 0 ? "0" : s.substring(0, end);
    }

    private static boolean allDigits(String s, int from, int to) {
        if (from >= to) return false;
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(s.charAt(i))) return false;
        }
        return true;
    }

    private static int indexOfAny(String s, char... chars) {
        for (int i = 0; i < s.length(); i++) {
            for (char c : chars) {
                if (s.charAt(i) == c) return i;
            }
        }
        return -1;
    }
}
