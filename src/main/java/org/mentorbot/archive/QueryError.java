package org.mentorbot.archive;

/**
 * A syntax error found by the lexer, parser or a value parser, before it is dressed with the query text
 * as an {@link ArchiveQuery.QuerySyntaxException}; the helpers don't need to carry the whole query around.
 */
final class QueryError extends Exception {

    private final int position;
    private final String reason;

    QueryError(int position, String reason) {
        super(reason, null, false, false);
        this.position = position;
        this.reason = reason;
    }

    int position() {
        return position;
    }

    String reason() {
        return reason;
    }
}
