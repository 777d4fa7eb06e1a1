package org.mentorbot.archive;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;

/**
 * The archive's search language, lore/notmuch-like, and its translation to a Lucene query.
 *
 * <pre>
 * query       = conjunction [ sort ] ;
 * conjunction = disjunction { disjunction } ;          (* juxtaposed terms: all required *)
 * disjunction = explicitAnd { "OR" explicitAnd } ;
 * explicitAnd = unary { "AND" unary } ;
 * unary       = ( "NOT" | "-" ) unary | atom ;         (* "-" glued to its operand *)
 * atom        = "(" conjunction ")" | phrase | word | prefix ":" ( word | phrase ) ;
 * sort        = "sort:" ( "date" | "-date" | "relevance" ) ;
 * phrase      = '"' { any character but '"' } '"' ;
 * word        = { any character but white space, '(', ')', '"' } ;   (* not AND, OR, NOT *)
 * prefix      = "s" | "f" | "t" | "c" | "tc" | "b" | "nq" | "q" | "l" | "d" | "dt"
 *             | "idea" | "mentor" | "is" | "m" | "id" ;
 * </pre>
 *
 * Juxtaposition binds loosest, as in a web search box: {@code rebase OR merge conflict} is
 * {@code (rebase OR merge) conflict}; explicit AND binds tighter than OR, as in boolean algebra.
 * Free words search the subject (×2), the author's own text, the quoted text (×0.3), the sender and the
 * idea title; several words are all required. Prefixes: {@code s:} subject, {@code f:} sender name or
 * address, {@code t:} To, {@code c:} Cc, {@code tc:} either, {@code b:} own or quoted text, {@code nq:}
 * own text, {@code q:} quoted text, {@code l:} list id (or its first label: {@code l:git}), {@code d:} /
 * {@code dt:} date range (see {@link DateRange}), {@code idea:} idea id or title words, {@code mentor:}
 * mentor address (or the start of its local part), {@code is:inquiry|patch|unanswered}, {@code m:} /
 * {@code id:} Message-ID with or without angle brackets.
 *
 * <p>{@code is:unanswered} needs thread data only the searcher has: it comes back as
 * {@link Parsed#unanswered()} and matches everything in {@link Parsed#query()}, so it may only narrow the
 * whole query, never sit under OR or a negation.
 */
public final class ArchiveQuery {

    /**
     * @param query      the Lucene query
     * @param sort       {@link Sort#RELEVANCE} unless the query ends with another sort
     * @param unanswered the searcher must keep only messages nobody answered
     */
    public record Parsed(Query query, Sort sort, boolean unanswered) {
    }

    /** A query the language cannot read; the message names the query, the column and the culprit. */
    public static final class QuerySyntaxException extends Exception {

        private final String query;
        private final int position;
        private final String reason;

        QuerySyntaxException(String query, int position, String reason) {
            super("query \"" + oneLine(query) + "\": at column " + (position + 1) + ": " + reason);
            this.query = query;
            this.position = position;
            this.reason = reason;
        }

        /** 0-based offset in the query of the offending piece. */
        public int position() {
            return position;
        }

        /** The message without the query and column. */
        public String reason() {
            return reason;
        }

        public String query() {
            return query;
        }

        private static String oneLine(String s) {
            return s.replaceAll("[\\r\\n\\t]", " ");
        }
    }

    private final TermClauses clauses;

    public ArchiveQuery(Analyzer analyzer, Clock clock) {
        this.clauses = new TermClauses(Objects.requireNonNull(analyzer), Objects.requireNonNull(clock));
    }

    public Parsed parse(String query) throws QuerySyntaxException {
        Objects.requireNonNull(query);
        try {
            QueryGrammar.Result r = QueryGrammar.parse(query, clauses);
            boolean unanswered = checkUnanswered(r.root(), true);
            return new Parsed(translate(r.root()), r.sort(), unanswered);
        } catch (QueryError e) {
            throw new QuerySyntaxException(query, e.position(), e.reason());
        }
    }

    /** Checks that {@code is:unanswered} only narrows the whole query; returns whether it is there. */
    private static boolean checkUnanswered(QueryNode node, boolean narrowsAll) throws QueryError {
        if (node instanceof QueryNode.Clause) return false;
        if (node instanceof QueryNode.Unanswered u) {
            if (!narrowsAll) {
                throw new QueryError(u.position(), "is:unanswered can only narrow the whole query,"
                        + " not be negated or be an alternative under OR");
            }
            return true;
        }
        if (node instanceof QueryNode.Not n) {
            checkUnanswered(n.operand(), false);
            return false;
        }
        boolean all = node instanceof QueryNode.All;
        boolean found = false;
        for (QueryNode o : operands(node)) {
            found |= checkUnanswered(o, narrowsAll && all);
        }
        return found;
    }

    private static List<QueryNode> operands(QueryNode node) {
        return node instanceof QueryNode.All a ? a.operands() : ((QueryNode.Any) node).operands();
    }

    private static Query translate(QueryNode node) {
        if (node instanceof QueryNode.Clause c) {
            return c.query();
        }
        if (node instanceof QueryNode.Unanswered) {
            return new MatchAllDocsQuery();
        }
        if (node instanceof QueryNode.Not n) {
            return allBut(translate(n.operand()));
        }
        if (node instanceof QueryNode.All a) {
            return all(a.operands());
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (QueryNode o : operands(node)) {
            b.add(translate(o), Occur.SHOULD);
        }
        return b.build();
    }

    private static Query all(List<QueryNode> operands) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean positive = false;
        for (QueryNode o : operands) {
            if (o instanceof QueryNode.Not n) {
                b.add(translate(n.operand()), Occur.MUST_NOT);
            } else if (o instanceof QueryNode.Clause c) {
                // Filters narrow without skewing the score toward, say, rare list names.
                b.add(c.query(), c.filter() ? Occur.FILTER : Occur.MUST);
                positive = true;
            } else if (!(o instanceof QueryNode.Unanswered)) {
                b.add(translate(o), Occur.MUST);
                positive = true;
            }
            // is:unanswered is applied by the searcher: nothing to add for it.
        }
        if (!positive) {
            // Lucene matches nothing with only prohibitions: "-foo" means everything but foo.
            b.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        return b.build();
    }

    private static Query allBut(Query excluded) {
        return new BooleanQuery.Builder()
                .add(new MatchAllDocsQuery(), Occur.MUST)
                .add(excluded, Occur.MUST_NOT)
                .build();
    }
}
