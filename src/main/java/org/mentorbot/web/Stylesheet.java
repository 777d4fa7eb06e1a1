package org.mentorbot.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code /style.css}: the one stylesheet, from the jar. The CSP allows styles from this server only. */
final class Stylesheet implements Route {

    private final byte[] css;

    Stylesheet() {
        try (InputStream in = Stylesheet.class.getResourceAsStream("style.css")) {
            if (in == null) throw new IllegalStateException("style.css is missing from the jar");
            css = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Response respond(Request request) {
        return Response.of(200, "text/css; charset=utf-8", css).withHeader("Cache-Control", "max-age=3600");
    }
}
