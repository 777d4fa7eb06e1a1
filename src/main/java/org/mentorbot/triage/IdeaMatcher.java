package org.mentorbot.triage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.mentorbot.catalog.Idea;

/**
 * Ranks ideas for a message. Lucene's BM25 over titles and descriptions finds the candidates; because
 * students name an idea by (a paraphrase of) its title far more often than they repeat its description,
 * each candidate's score then blends BM25 with how much of its title the message contains, in order.
 */
public final class IdeaMatcher {

    private static final int MAX_QUERY_TERMS = 48;
    private static final int CANDIDATES = 20;
    private static final float TITLE_BOOST = 3f;
    private static final int SUBJECT_WEIGHT = 3;

    private final IdeaIndex index;

    public IdeaMatcher(IdeaIndex index) {
        this.index = index;
    }

    /** A message as matching sees it: analysed subject and own-text terms, and its year if known. */
    public record Query(List<String> subjectTerms, List<String> bodyTerms, Integer year) {
    }

    public List<IdeaMatch> match(Query message) {
        Map<String, Integer> weights = termWeights(message);
        if (weights.isEmpty() || index.size() == 0) return List.of();
        List<String> chosen = weights.keySet().stream()
                .sorted(Comparator.comparingDouble((String t) -> -weights.get(t) * index.idf(t)))
                .limit(MAX_QUERY_TERMS)
                .toList();

        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String term : chosen) {
            float weight = (float) Math.sqrt(weights.get(term));
            query.add(new BoostQuery(new TermQuery(IdeaIndex.titleTerm(term)), TITLE_BOOST * weight),
                    BooleanClause.Occur.SHOULD);
            query.add(new BoostQuery(new TermQuery(IdeaIndex.textTerm(term)), weight), BooleanClause.Occur.SHOULD);
        }
        TopDocs top;
        try {
            top = index.searcher().search(query.build(), CANDIDATES);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory index
        }
        if (top.scoreDocs.length == 0) return List.of();

        Set<String> messageTerms = weights.keySet();
        Set<String> bigrams = bigrams(message.subjectTerms());
        bigrams.addAll(bigrams(message.bodyTerms()));
        double best = top.scoreDocs[0].score;
        List<IdeaMatch> matches = new ArrayList<>();
        for (ScoreDoc hit : top.scoreDocs) {
            int ordinal = ordinal(hit.doc);
            matches.add(score(ordinal, hit.score / best, messageTerms, bigrams, chosen, message.year()));
        }
        matches.sort(Comparator.comparingDouble(IdeaMatch::score).reversed());
        return matches;
    }

    private IdeaMatch score(int ordinal, double relevance, Set<String> messageTerms, Set<String> bigrams,
                            List<String> queryTerms, Integer year) {
        Idea idea = index.idea(ordinal);
        List<String> title = index.titleTerms(ordinal);
        double coverage = titleCoverage(title, messageTerms);
        double phrase = titlePhrase(title, bigrams, coverage);
        double score = 0.45 * relevance + 0.35 * coverage + 0.20 * phrase;
        score *= seasonFactor(idea, year);
        if (idea.mentors().isEmpty()) score *= 0.97;  // among look-alikes, prefer the page that names a person
        if (idea.status() != Idea.Status.OPEN) score *= 0.97;
        List<String> matched = queryTerms.stream().filter(t -> index.mentions(ordinal, t))
                .map(t -> title.contains(t) ? "title:" + t : "text:" + t)
                .sorted(Comparator.comparing((String t) -> !t.startsWith("title:")))
                .limit(12)
                .toList();
        return new IdeaMatch(idea, score, relevance, coverage, phrase, matched);
    }

    private double titleCoverage(List<String> title, Set<String> messageTerms) {
        double total = 0;
        double found = 0;
        for (String term : new HashSet<>(title)) {
            // Squared: a title's rare words ("bisect") say far more than its common ones ("git", "improve").
            double idf = Math.pow(Math.max(index.idf(term), 0.1), 2);
            total += idf;
            if (messageTerms.contains(term)) found += idf;
        }
        return total == 0 ? 0 : found / total;
    }

    /** Share of the title's adjacent pairs found adjacent in the message, pairs of rare words weighing most. */
    private double titlePhrase(List<String> title, Set<String> bigrams, double coverage) {
        if (title.size() < 2) return coverage;
        double total = 0;
        double found = 0;
        for (int i = 0; i + 1 < title.size(); i++) {
            double weight = index.idf(title.get(i)) + index.idf(title.get(i + 1));
            total += weight;
            if (bigrams.contains(title.get(i) + ' ' + title.get(i + 1))) found += weight;
        }
        return total == 0 ? 0 : found / total;
    }

    /**
     * Whether two ideas are one idea on two pages (another year, another page layout): identical
     * titles, or titles sharing most of their distinctive (idf-weighted) terms.
     */
    public boolean sameIdea(Idea a, Idea b) {
        if (a.title().equalsIgnoreCase(b.title())) return true;
        Set<String> x = new HashSet<>(TextAnalysis.terms(a.title()));
        Set<String> y = new HashSet<>(TextAnalysis.terms(b.title()));
        double both = 0;
        double either = 0;
        Set<String> union = new HashSet<>(x);
        union.addAll(y);
        for (String term : union) {
            double idf = index.idf(term);
            either += idf;
            if (x.contains(term) && y.contains(term)) both += idf;
        }
        return either > 0 && both / either >= 0.5;
    }

    /** Ideas recur from year to year: the page of the message's own season is the one to answer with. */
    private static double seasonFactor(Idea idea, Integer year) {
        if (year == null || idea.season() == null) return 0.9;
        int distance = Math.abs(year - idea.season());
        return distance == 0 ? 1.0 : distance == 1 ? 0.75 : 0.65;
    }

    private Map<String, Integer> termWeights(Query message) {
        Map<String, Integer> weights = new HashMap<>();
        for (String term : message.subjectTerms()) {
            if (index.idf(term) > 0) weights.merge(term, SUBJECT_WEIGHT, (a, b) -> Math.min(a + b, 2 * SUBJECT_WEIGHT));
        }
        for (String term : message.bodyTerms()) {
            if (index.idf(term) > 0) weights.merge(term, 1, (a, b) -> Math.min(a + b, 2 * SUBJECT_WEIGHT + 3));
        }
        return weights;
    }

    private static Set<String> bigrams(List<String> terms) {
        Set<String> bigrams = new HashSet<>();
        for (int i = 0; i + 1 < terms.size(); i++) bigrams.add(terms.get(i) + ' ' + terms.get(i + 1));
        return bigrams;
    }

    private int ordinal(int doc) {
        try {
            return index.searcher().storedFields().document(doc).getField(IdeaIndex.ORDINAL).numericValue().intValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
