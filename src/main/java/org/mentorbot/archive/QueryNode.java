package org.mentorbot.archive;

import java.util.List;

import org.apache.lucene.search.Query;

/** The parsed query before it becomes one Lucene query: negation needs its context to be translated. */
sealed interface QueryNode {

    /**
     * A term already translated. {@code filter} clauses (dates, flags, ids, lists) only narrow and should
     * not score.
     */
    record Clause(Query query, boolean filter) implements QueryNode {
    }

    /** {@code is:unanswered}: needs thread data, so the searcher applies it; see {@link ArchiveQuery}. */
    record Unanswered(int position) implements QueryNode {
    }

    record Not(QueryNode operand, int position) implements QueryNode {
    }

    /** Every operand must match. */
    record All(List<QueryNode> operands) implements QueryNode {
    }

    /** At least one operand must match. */
    record Any(List<QueryNode> operands) implements QueryNode {
    }
}
