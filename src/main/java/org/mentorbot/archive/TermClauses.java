package org.mentorbot.archive;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns one term of the query language (a free word, a phrase, or {@code prefix:value}) into a Lucene
 * clause over the {@link ArchiveFields}. Text is analysed per field; a word that the analyser splits
 * ({@code foo-bar}, {@code alice@example.com}) is searched as a phrase, so it keeps its meaning.
 */
final class TermClauses {

    /** Prefixes in the order the help text lists them. */
    static final List<String> PREFIXES = List.of(
            "s", "f", "t", "c", "tc", "b", "nq", "q", "l", "d", "dt", "idea", "mentor", "is", "m", "id", "sort");

    /** Long names some people type (Gmail, notmuch and PRODUCT.md use them) for the short prefixes. */
    private static final java.util.Map<String, String> LONG_NAMES = java.util.Map.of(
            "subject", "s", "from", "f", "to", "t", "cc", "c", "body", "b", "list", "l", "date", "d");

    static String canonical(String prefix) {
        return LONG_NAMES.getOrDefault(prefix, prefix);
    }

    /** Free text: the subject says most about a message, what it quotes says least. */
    private static final List<Weighted> FREE_TEXT = List.of(
            new Weighted(ArchiveFields.SUBJECT, 2f),
            new Weighted(ArchiveFields.BODY, 1f),
            new Weighted(ArchiveFields.QUOTED, 0.3f),
            new Weighted(ArchiveFields.FROM, 1f),
            new Weighted(ArchiveFields.IDEA_TITLE, 1f));

    /** A word found in several fields counts mostly once: its best field, plus a little for the others. */
    private static final float TIE_BREAKER = 0.1f;

    private record Weighted(String field, float boost) {
    }

    private final QueryBuilder builder;
    private final Clock clock;

    TermClauses(Analyzer analyzer, Clock clock) {
        this.builder = new QueryBuilder(analyzer);
        this.clock = clock;
    }

    /** A bare word or quoted phrase, searched across the free-text fields. */
    QueryNode.Clause freeText(String text, int position) throws QueryError {
        List<Query> perField = new ArrayList<>();
        for (Weighted w : FREE_TEXT) {
            Query q = builder.createPhraseQuery(w.field(), text);
            if (q != null) {
                perField.add(w.boost() == 1f ? q : new BoostQuery(q, w.boost()));
            }
        }
        if (perField.isEmpty()) {
            throw nothingToSearch(text, position);
        }
        return new QueryNode.Clause(new DisjunctionMaxQuery(perField, TIE_BREAKER), false);
    }

    /** {@code prefix:value}; {@code is:unanswered} is the one term that is not a clause. */
    QueryNode prefixed(QueryToken t) throws QueryError {
        String v = t.value();
        int at = t.valuePosition();
        return switch (t.text()) {
            case "s" -> text(v, at, ArchiveFields.SUBJECT);
            case "f" -> from(v, at);
            case "t" -> text(v, at, ArchiveFields.TO);
            case "c" -> text(v, at, ArchiveFields.CC);
            case "tc" -> text(v, at, ArchiveFields.TO, ArchiveFields.CC);
            case "b" -> text(v, at, ArchiveFields.BODY, ArchiveFields.QUOTED);
            case "nq" -> text(v, at, ArchiveFields.BODY);
            case "q" -> text(v, at, ArchiveFields.QUOTED);
            case "l" -> list(v);
            case "d", "dt" -> {
                DateRange r = DateRange.parse(v, at, clock);
                yield filter(LongPoint.newRangeQuery(ArchiveFields.DATE, r.from(), r.to()));
            }
            case "idea" -> idea(v, at);
            case "mentor" -> mentor(v);
            case "is" -> flag(t);
            case "m", "id" -> filter(new TermQuery(new Term(ArchiveFields.ID, Threader.key('<' + bare(v) + '>'))));
            default -> throw unknownPrefix(t);
        };
    }

    static QueryError unknownPrefix(QueryToken t) {
        return new QueryError(t.position(), "unknown prefix \"" + t.text() + ":\" (known: "
                + String.join(" ", PREFIXES.stream().map(p -> p + ":").toList())
                + "; put the term in quotes to search for it as text)");
    }

    private QueryNode.Clause text(String value, int position, String... fields) throws QueryError {
        List<Query> perField = new ArrayList<>();
        for (String field : fields) {
            Query q = builder.createPhraseQuery(field, value);
            if (q != null) {
                perField.add(q);
            }
        }
        if (perField.isEmpty()) {
            throw nothingToSearch(value, position);
        }
        Query q = perField.size() == 1 ? perField.get(0) : new DisjunctionMaxQuery(perField, TIE_BREAKER);
        return new QueryNode.Clause(q, false);
    }

    /** The name or address in From; an address also matches the exact sender address. */
    private QueryNode.Clause from(String value, int position) throws QueryError {
        QueryNode.Clause name = text(value, position, ArchiveFields.FROM);
        if (!value.contains("@")) {
            return name;
        }
        Query address = new TermQuery(new Term(ArchiveFields.FROM_ADDRESS, bare(value)));
        return new QueryNode.Clause(anyOf(name.query(), address), false);
    }

    /**
     * The list's exact id, or any id that starts with it and a dot, so {@code l:git} finds
     * "git.vger.kernel.org"; with or without the angle brackets a List-Id header carries.
     */
    private static QueryNode.Clause list(String value) {
        String v = bare(value);
        return filter(anyOf(
                new TermQuery(new Term(ArchiveFields.LIST, v)),
                new TermQuery(new Term(ArchiveFields.LIST, '<' + v + '>')),
                new PrefixQuery(new Term(ArchiveFields.LIST, v + '.')),
                new PrefixQuery(new Term(ArchiveFields.LIST, '<' + v + '.'))));
    }

    /** The idea's id, or words of its title. */
    private QueryNode.Clause idea(String value, int position) {
        Query id = new TermQuery(new Term(ArchiveFields.IDEA, value.toLowerCase(Locale.ROOT)));
        Query title = builder.createPhraseQuery(ArchiveFields.IDEA_TITLE, value);
        if (title == null) {
            return filter(id);
        }
        return new QueryNode.Clause(anyOf(id, title), false);
    }

    /** A mentor's address; without an '@', any mentor whose address starts with it ("peff" for peff@peff.net). */
    private static QueryNode.Clause mentor(String value) {
        String v = bare(value);
        Term t = new Term(ArchiveFields.MENTOR, v);
        return filter(v.contains("@") ? new TermQuery(t) : new PrefixQuery(t));
    }

    private static QueryNode flag(QueryToken t) throws QueryError {
        String value = t.value();
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "inquiry" -> filter(new TermQuery(new Term(ArchiveFields.INQUIRY, "true")));
            case "patch" -> filter(new TermQuery(new Term(ArchiveFields.PATCH, "true")));
            case "unreadable" -> filter(new TermQuery(new Term(ArchiveFields.UNREADABLE, "true")));
            case "unanswered" -> new QueryNode.Unanswered(t.position());
            default -> throw new QueryError(t.valuePosition(),
                    "unknown \"is:\" value \"" + value + "\" (use is:inquiry, is:patch, is:unanswered or is:unreadable)");
        };
    }


    /** Keyword fields hold lower-cased values; addresses and ids may come with their angle brackets. */
    private static String bare(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.startsWith("<")) {
            v = v.substring(1);
        }
        if (v.endsWith(">")) {
            v = v.substring(0, v.length() - 1);
        }
        return v;
    }

    private static QueryNode.Clause filter(Query q) {
        return new QueryNode.Clause(q, true);
    }

    private static Query anyOf(Query... queries) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Query q : queries) {
            b.add(q, Occur.SHOULD);
        }
        return b.build();
    }

    private static QueryError nothingToSearch(String text, int position) {
        return new QueryError(position, "\"" + text + "\" has no letters or digits to search for");
    }
}
