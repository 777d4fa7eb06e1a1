package org.mentorbot.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A whole response, built before anything is sent: a page that fails half-way becomes an error page, not
 * half a page.
 *
 * @param headers extra headers (the security headers are added to every response by {@link Router})
 */
record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

    static final String HTML = "text/html; charset=utf-8";

    Response {
        headers = Map.copyOf(headers);
    }

    static Response html(int status, String page) {
        return new Response(status, HTML, page.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static Response of(int status, String contentType, byte[] body) {
        return new Response(status, contentType, body, Map.of());
    }

    /**
     * A file to save. The name must come from {@link FileNames}: a header value built from mail text could
     * smuggle quotes, semicolons or line breaks into the response.
     */
    static Response attachment(String contentType, byte[] body, String safeFileName) {
        return new Response(200, contentType, body,
                Map.of("Content-Disposition", "attachment; filename=\"" + safeFileName + "\""));
    }

    Response withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Response(status, contentType, body, more);
    }
}
