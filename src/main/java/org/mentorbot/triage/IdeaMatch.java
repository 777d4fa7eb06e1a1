package org.mentorbot.triage;

import java.util.List;
import org.mentorbot.catalog.Idea;

/**
 * How well one idea fits a message.
 *
 * @param score         the combined score in [0,1] used for ranking
 * @param relevance     Lucene BM25 score relative to the best hit of the same message (1.0 for the best)
 * @param titleCoverage share (idf-weighted) of the idea title's terms found in the message
 * @param titlePhrase   share of the title's adjacent term pairs found adjacent in the message
 * @param matchedTerms  message terms that occur in the idea, as "title:term" or "text:term" (the field
 *                      of the idea they matched in), title terms first
 */
public record IdeaMatch(Idea idea, double score, double relevance, double titleCoverage, double titlePhrase,
                        List<String> matchedTerms) {
}
