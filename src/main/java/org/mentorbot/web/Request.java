package org.mentorbot.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a page needs of a request: its path and query parameters (the first value of each).
 *
 * @param params decoded; a parameter given without '=' maps to the empty string
 */
record Request(String method, String path, Map<String, String> params) {

    Request {
        params = Map.copyOf(params);
    }

    /**
     * Parses a raw (still percent-encoded) query string.
     *
     * @throws IllegalArgumentException on malformed percent-encoding
     */
    static Request of(String method, String path, String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                params.putIfAbsent(name, value);
            }
        }
        return new Request(method, path, params);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The parameter's value, or null when absent. */
    String param(String name) {
        return params.get(name);
    }

    /** The parameter's value stripped, or null when absent or blank. */
    String text(String name) {
        String v = params.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    boolean has(String name) {
        return params.containsKey(name);
    }

    /**
     * A positive number parameter, capped at max; anything that is no positive number (absent, garbage)
     * gives the fallback.
     */
    int number(String name, int fallback, int max) {
        String v = params.get(name);
        if (v == null || !v.strip().matches("\\d+")) return fallback;
        String digits = v.strip().replaceFirst("^0+", "");
        if (digits.isEmpty()) return fallback;
        return digits.length() > 9 ? max : (int) Math.min(Long.parseLong(digits), max);
    }
}
