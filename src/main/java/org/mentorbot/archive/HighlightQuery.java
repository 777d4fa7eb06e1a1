package org.mentorbot.archive;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * The part of a search query that finds one field's matches, for the highlighter.
 *
 * <p>The highlighter asks the query for its matches in each document shown, clause by clause: for a free-text
 * word that is five fields, and a date or list filter costs as much as it did for the search. Only the body's
 * matches are wanted, and only in documents the whole query matched. In such a document every required clause
 * matched, so each can be asked on its own; a prohibited one matched nothing; a filter over another field can
 * give no body matches; and an alternative (OR, or one field of a free-text word) gives its body matches
 * whatever the others do. Dropping what cannot give body matches therefore leaves exactly the body matches of
 * the whole query. A conjunction that is only an alternative is kept whole: whether it matches is open.
 */
final class HighlightQuery {

    private HighlightQuery() {
    }

    /** A query with the same matches in {@code field} as {@code query} on every document {@code query} matches. */
    static Query forField(Query query, String field) {
        Query reduced = reduce(query, true, field);
        return reduced == null ? new MatchNoDocsQuery("nothing to highlight in " + field) : reduced;
    }

    /** Null when {@code query} can have no match in {@code field}. */
    private static Query reduce(Query query, boolean matched, String field) {
        if (query instanceof BoostQuery boost) {
            return reduce(boost.getQuery(), matched, field); // a boost changes scores, not matches
        }
        if (query instanceof DisjunctionMaxQuery dismax) {
            List<Query> kept = new ArrayList<>();
            for (Query q : dismax.getDisjuncts()) add(kept, reduce(q, false, field));
            return anyOf(kept);
        }
        if (query instanceof BooleanQuery bool && bool.getMinimumNumberShouldMatch() == 0) {
            boolean required = has(bool, Occur.MUST) || has(bool, Occur.FILTER);
            boolean optional = has(bool, Occur.SHOULD);
            // A prohibition decides whether the query matches, so only a query known to match may drop it.
            if (optional && !required && (matched || !has(bool, Occur.MUST_NOT))) {
                List<Query> kept = new ArrayList<>();
                for (BooleanClause c : bool.clauses()) {
                    if (c.getOccur() == Occur.SHOULD) add(kept, reduce(c.getQuery(), false, field));
                }
                return anyOf(kept);
            }
            if (required && !optional && matched) {
                List<Query> kept = new ArrayList<>();
                for (BooleanClause c : bool.clauses()) {
                    if (c.getOccur() != Occur.MUST_NOT) add(kept, reduce(c.getQuery(), true, field));
                }
                return anyOf(kept);
            }
        }
        return touches(query, field) ? query : null;
    }

    private static boolean has(BooleanQuery bool, Occur occur) {
        return bool.clauses().stream().anyMatch(c -> c.getOccur() == occur);
    }

    private static void add(List<Query> kept, Query q) {
        if (q != null) kept.add(q);
    }

    private static Query anyOf(List<Query> queries) {
        if (queries.isEmpty()) return null;
        if (queries.size() == 1) return queries.get(0);
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Query q : queries) b.add(q, Occur.SHOULD);
        return b.build();
    }

    /** Whether the query looks at the field outside of its negations. */
    private static boolean touches(Query query, String field) {
        boolean[] found = {false};
        query.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String f) {
                if (f.equals(field)) found[0] = true;
                return true;
            }

            @Override
            public QueryVisitor getSubVisitor(Occur occur, Query parent) {
                return occur == Occur.MUST_NOT ? EMPTY_VISITOR : this;
            }
        });
        return found[0];
    }
}
