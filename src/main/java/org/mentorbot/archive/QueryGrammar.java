package org.mentorbot.archive;

import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.mentorbot.archive.QueryToken.Kind;

/**
 * The recursive-descent parser for the grammar documented on {@link ArchiveQuery}: tokens in, a
 * {@link QueryNode} tree and the sort out. Terms are translated to Lucene clauses as they are read, so
 * that an error in a value (a bad date) is reported where the value is.
 */
final class QueryGrammar {

    record Result(QueryNode root, Sort sort) {
    }

    private final List<QueryToken> tokens;
    private final TermClauses clauses;
    private int next;

    private QueryGrammar(List<QueryToken> tokens, TermClauses clauses) {
        this.tokens = tokens;
        this.clauses = clauses;
    }

    static Result parse(String query, TermClauses clauses) throws QueryError {
        List<QueryToken> tokens = new ArrayList<>(QueryLexer.tokens(query));
        Sort sort = Sort.RELEVANCE;
        // The sort option is trailing; take it off before parsing so the terms need not know about it.
        int last = tokens.size() - 2;
        if (last >= 0 && isSort(tokens.get(last))) {
            sort = sort(tokens.remove(last));
        }
        if (tokens.size() == 1) {
            throw new QueryError(0, "empty query");
        }
        QueryGrammar g = new QueryGrammar(tokens, clauses);
        QueryNode root = g.conjunction();
        QueryToken t = g.peek();
        if (t.is(Kind.CLOSE)) {
            throw new QueryError(t.position(), "\")\" without a matching \"(\"");
        }
        if (!t.is(Kind.END)) {
            // conjunction() reads terms until it meets something that cannot start one.
            throw new QueryError(t.position(), "unexpected " + t.shown());
        }
        return new Result(root, sort);
    }

    /** conjunction = disjunction { disjunction } */
    private QueryNode conjunction() throws QueryError {
        List<QueryNode> operands = new ArrayList<>();
        operands.add(disjunction());
        while (startsTerm(peek())) {
            operands.add(disjunction());
        }
        return operands.size() == 1 ? operands.get(0) : new QueryNode.All(operands);
    }

    /** disjunction = explicitAnd { "OR" explicitAnd } */
    private QueryNode disjunction() throws QueryError {
        List<QueryNode> operands = new ArrayList<>();
        operands.add(explicitAnd());
        while (peek().is(Kind.OR)) {
            QueryToken or = take();
            operands.add(operandAfter(or));
        }
        return operands.size() == 1 ? operands.get(0) : new QueryNode.Any(operands);
    }

    /** explicitAnd = unary { "AND" unary } */
    private QueryNode explicitAnd() throws QueryError {
        List<QueryNode> operands = new ArrayList<>();
        operands.add(unary());
        while (peek().is(Kind.AND)) {
            QueryToken and = take();
            operands.add(operandAfter(and));
        }
        return operands.size() == 1 ? operands.get(0) : new QueryNode.All(operands);
    }

    /** After OR the operand is an explicit AND chain; after AND, one unary. */
    private QueryNode operandAfter(QueryToken operator) throws QueryError {
        if (!startsTerm(peek())) {
            throw new QueryError(peek().position(), "expected a search term after " + operator.text()
                    + ", found " + peek().shown());
        }
        return operator.is(Kind.OR) ? explicitAnd() : unary();
    }

    /** unary = ( "NOT" | "-" ) unary | atom */
    private QueryNode unary() throws QueryError {
        QueryToken t = peek();
        if (t.is(Kind.NOT) || t.is(Kind.MINUS)) {
            take();
            if (!startsTerm(peek())) {
                throw new QueryError(peek().position(), "expected a search term after " + t.text()
                        + ", found " + peek().shown());
            }
            return new QueryNode.Not(unary(), t.position());
        }
        return atom();
    }

    /** atom = "(" conjunction ")" | PHRASE | WORD | PREFIX ":" ( WORD | PHRASE ) */
    private QueryNode atom() throws QueryError {
        QueryToken t = take();
        switch (t.kind()) {
            case OPEN -> {
                if (peek().is(Kind.CLOSE)) {
                    throw new QueryError(t.position(), "empty parentheses");
                }
                if (!startsTerm(peek())) {
                    throw new QueryError(peek().position(), "expected a search term after \"(\", found "
                            + peek().shown());
                }
                QueryNode inner = conjunction();
                if (!peek().is(Kind.CLOSE)) {
                    throw new QueryError(t.position(), "unclosed \"(\"");
                }
                take();
                return inner;
            }
            case WORD, PHRASE -> {
                return clauses.freeText(t.text(), t.is(Kind.PHRASE) ? t.position() + 1 : t.position());
            }
            case PREFIXED -> {
                if (!TermClauses.PREFIXES.contains(t.text())) {
                    throw TermClauses.unknownPrefix(t);
                }
                if (t.text().equals("sort")) {
                    throw new QueryError(t.position(), "\"" + t.shown() + "\" must come at the end of the query");
                }
                if (t.value().isBlank()) {
                    throw new QueryError(t.position(), "prefix \"" + t.text() + ":\" has no value");
                }
                return clauses.prefixed(t);
            }
            default -> throw new QueryError(t.position(), "expected a search term, found " + t.shown());
        }
    }

    private static boolean startsTerm(QueryToken t) {
        return switch (t.kind()) {
            case WORD, PHRASE, PREFIXED, OPEN, MINUS, NOT -> true;
            default -> false;
        };
    }

    private static boolean isSort(QueryToken t) {
        return t.is(Kind.PREFIXED) && t.text().equals("sort");
    }

    private static Sort sort(QueryToken t) throws QueryError {
        if (t.value().isBlank()) {
            throw new QueryError(t.position(), "prefix \"sort:\" has no value");
        }
        return switch (t.value()) {
            case "date" -> new Sort(new SortField(ArchiveFields.DATE, SortField.Type.LONG), SortField.FIELD_SCORE);
            case "-date" -> new Sort(new SortField(ArchiveFields.DATE, SortField.Type.LONG, true), SortField.FIELD_SCORE);
            case "relevance" -> Sort.RELEVANCE;
            default -> throw new QueryError(t.valuePosition(), "unknown sort \"" + t.value()
                    + "\" (use sort:date, sort:-date or sort:relevance)");
        };
    }

    private QueryToken peek() {
        return tokens.get(next);
    }

    private QueryToken take() {
        return tokens.get(next++);
    }
}
