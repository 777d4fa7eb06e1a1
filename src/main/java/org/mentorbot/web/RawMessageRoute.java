package org.mentorbot.web;

import java.util.Optional;
import org.mentorbot.archive.ArchiveSearch;

/**
 * {@code /raw?id=}: the message's bytes as archived, as a download; with {@code &inline}, shown as plain
 * text. Neither is ever HTML: the bytes are the sender's, and a browser must not interpret them.
 */
final class RawMessageRoute implements Route {

    private final ArchiveSearch search;

    RawMessageRoute(ArchiveSearch search) {
        this.search = search;
    }

    @Override
    public Response respond(Request request) {
        String id = request.text("id");
        if (id == null) return ErrorPage.badRequest("Which message? The link has no id.");
        Optional<byte[]> raw = search.raw(id);
        if (raw.isEmpty()) return ErrorPage.notFound("No message " + id + " in the archive.");
        if (request.has("inline")) {
            // UTF-8 is a guess (the charset is in the message's own headers); nosniff keeps it text.
            return Response.of(200, "text/plain; charset=utf-8", raw.get()).withHeader("Content-Disposition", "inline");
        }
        return Response.attachment("message/rfc822", raw.get(), FileNames.of("message", id, "eml"));
    }
}
