package org.mentorbot.catalog;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Organisations re-publish the same ideas season after season, and some copies lose their mentors (a rendered
 * page without its metadata, an archive listing). An idea that names no mentor borrows the mentors of the same
 * idea in another catalog, from the season nearest its own, since mentors change over the years.
 */
public final class RecurringIdeas {

    /** Seasons unknown on either side are further apart than any known pair. */
    private static final int UNKNOWN_DISTANCE = 10_000;

    private record Source(int catalog, Integer season, List<Contact> mentors) {}

    private RecurringIdeas() {}

    /** The catalogs, in the same order, with mentor-less ideas given the mentors of their recurrences. */
    public static List<Catalog> linkRecurring(List<Catalog> catalogs) {
        Map<String, List<Source>> sources = new HashMap<>();
        for (int c = 0; c < catalogs.size(); c++) {
            for (Idea idea : catalogs.get(c).ideas()) {
                List<Contact> mentors = idea.mentors();
                if (mentors.isEmpty() || key(idea.title()).isEmpty()) continue;
                sources.computeIfAbsent(key(idea.title()), k -> new ArrayList<>())
                        .add(new Source(c, idea.season(), mentors));
            }
        }
        List<Catalog> linked = new ArrayList<>();
        for (int c = 0; c < catalogs.size(); c++) {
            Catalog catalog = catalogs.get(c);
            List<Idea> ideas = new ArrayList<>();
            boolean changed = false;
            for (Idea idea : catalog.ideas()) {
                Source source = idea.mentors().isEmpty() ? nearest(sources.get(key(idea.title())), c, idea.season()) : null;
                if (source == null) {
                    ideas.add(idea);
                    continue;
                }
                List<Contact> contacts = new ArrayList<>(source.mentors());
                // The idea's own lists and channels still reach the right people.
                contacts.addAll(idea.contacts());
                ideas.add(new Idea(idea.id(), idea.title(), idea.description(), idea.prerequisites(), idea.difficulty(),
                        contacts, idea.catalog(), idea.season(), idea.status()));
                changed = true;
            }
            linked.add(changed ? new Catalog(catalog.name(), catalog.season(), catalog.format(), ideas) : catalog);
        }
        return linked;
    }

    /** Case, accents, punctuation (backticks included) and spacing vary between copies of a title. */
    static String key(String title) {
        String plain = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    /** The source from another catalog nearest in season; on a tie the later season, then the earlier catalog. */
    private static Source nearest(List<Source> candidates, int catalog, Integer season) {
        if (candidates == null) return null;
        Source best = null;
        for (Source candidate : candidates) {
            if (candidate.catalog() == catalog) continue;
            if (best == null || closer(candidate, best, season)) best = candidate;
        }
        return best;
    }

    private static boolean closer(Source candidate, Source best, Integer season) {
        int candidateDistance = distance(candidate.season(), season);
        int bestDistance = distance(best.season(), season);
        if (candidateDistance != bestDistance) return candidateDistance < bestDistance;
        int candidateSeason = candidate.season() == null ? Integer.MIN_VALUE : candidate.season();
        int bestSeason = best.season() == null ? Integer.MIN_VALUE : best.season();
        return candidateSeason > bestSeason;
    }

    private static int distance(Integer a, Integer b) {
        return a == null || b == null ? UNKNOWN_DISTANCE : Math.abs(a - b);
    }
}
