package org.mentorbot.archive;

/**
 * One lexical token of a search query. {@code text} is the word, the phrase's content, or the prefix's
 * lower-cased name; a prefixed token also carries its value, where it starts, and whether it was quoted.
 */
record QueryToken(Kind kind, String text, int position, String value, int valuePosition, boolean quoted) {

    enum Kind { WORD, PHRASE, PREFIXED, OPEN, CLOSE, MINUS, AND, OR, NOT, END }

    static QueryToken of(Kind kind, String text, int position) {
        return new QueryToken(kind, text, position, null, -1, false);
    }

    boolean is(Kind k) {
        return kind == k;
    }

    /** The token as the user wrote it, for error messages. */
    String shown() {
        return switch (kind) {
            case PHRASE -> '"' + text + '"';
            case PREFIXED -> text + ':' + (quoted ? '"' + value + '"' : value);
            case END -> "the end of the query";
            default -> text;
        };
    }
}
