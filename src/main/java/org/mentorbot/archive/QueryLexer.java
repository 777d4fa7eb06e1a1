package org.mentorbot.archive;

import java.util.ArrayList;
import java.util.List;

import org.mentorbot.archive.QueryToken.Kind;

/**
 * Splits a search query into tokens. Words run until white space, a parenthesis or a quote, so that
 * {@code (foo)} and {@code foo"bar"} need no spaces; a word whose part before the first ':' is all letters
 * is a prefixed term ({@code s:rebase}, {@code s:"a phrase"}). Only upper-case AND, OR and NOT are
 * operators, as in lore: "or" is a word someone may well search for.
 */
final class QueryLexer {

    private final String input;
    private int at;

    private QueryLexer(String input) {
        this.input = input;
    }

    static List<QueryToken> tokens(String input) throws QueryError {
        QueryLexer lexer = new QueryLexer(input);
        List<QueryToken> tokens = new ArrayList<>();
        QueryToken t;
        do {
            t = lexer.next();
            tokens.add(t);
        } while (!t.is(Kind.END));
        return tokens;
    }

    private QueryToken next() throws QueryError {
        while (at < input.length() && Character.isWhitespace(input.charAt(at))) {
            at++;
        }
        if (at >= input.length()) {
            return QueryToken.of(Kind.END, "", input.length());
        }
        int start = at;
        char c = input.charAt(at);
        switch (c) {
            case '(' -> {
                at++;
                return QueryToken.of(Kind.OPEN, "(", start);
            }
            case ')' -> {
                at++;
                return QueryToken.of(Kind.CLOSE, ")", start);
            }
            case '"' -> {
                return QueryToken.of(Kind.PHRASE, quoted(), start);
            }
            case '-' -> {
                // A minus negates only when glued to what it negates; "a - b" has a stray "-" word.
                if (at + 1 < input.length() && startsTerm(input.charAt(at + 1))) {
                    at++;
                    return QueryToken.of(Kind.MINUS, "-", start);
                }
            }
            default -> {
            }
        }
        String word = word();
        int colon = word.indexOf(':');
        if (colon > 0 && word.substring(0, colon).chars().allMatch(Character::isLetter)) {
            String prefix = TermClauses.canonical(word.substring(0, colon).toLowerCase(java.util.Locale.ROOT));
            String value = word.substring(colon + 1);
            int valueAt = start + colon + 1;
            if (value.isEmpty() && at < input.length() && input.charAt(at) == '"') {
                return new QueryToken(Kind.PREFIXED, prefix, start, quoted(), valueAt, true);
            }
            return new QueryToken(Kind.PREFIXED, prefix, start, value, valueAt, false);
        }
        return switch (word) {
            case "AND" -> QueryToken.of(Kind.AND, word, start);
            case "OR" -> QueryToken.of(Kind.OR, word, start);
            case "NOT" -> QueryToken.of(Kind.NOT, word, start);
            default -> QueryToken.of(Kind.WORD, word, start);
        };
    }

    private static boolean startsTerm(char c) {
        return !Character.isWhitespace(c) && c != ')';
    }

    private String word() {
        int start = at;
        while (at < input.length()) {
            char c = input.charAt(at);
            if (Character.isWhitespace(c) || c == '(' || c == ')' || c == '"') {
                break;
            }
            at++;
        }
        return input.substring(start, at);
    }

    /** Reads a quoted string starting at the opening quote; returns its content. */
    private String quoted() throws QueryError {
        int open = at;
        int close = input.indexOf('"', open + 1);
        if (close < 0) {
            throw new QueryError(open, "unclosed quote");
        }
        at = close + 1;
        return input.substring(open + 1, close);
    }
}
