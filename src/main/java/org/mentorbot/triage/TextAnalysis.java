package org.mentorbot.triage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The one analyzer used for ideas and messages alike, so that a term in a mail and a term on an
 * ideas page meet in the same form: lower-cased, English stop words removed, Porter-stemmed.
 */
public final class TextAnalysis {

    /**
     * Words every inquiry and every ideas page use ("project", "student", "gsoc"...): they say that a
     * message is about the programme, never which idea it is about, so they are kept out of matching.
     */
    private static final Set<String> PROGRAMME_WORDS = Set.of(
            "hi", "hello", "dear", "thank", "thanks", "regards", "best", "cheers", "sincerely",
            "gsoc", "soc", "google", "summer", "code", "outreachy", "intern", "internship",
            "project", "projects", "idea", "ideas", "page", "proposal", "proposals", "draft", "rfc",
            "student", "students", "mentor", "mentors", "mentoring", "application", "apply", "applying",
            "work", "working", "interested", "interest", "like", "would", "could", "should", "want",
            "please", "know", "think", "also", "just", "get", "make", "help", "look", "looking", "good",
            "new", "year", "time", "one", "two", "first", "well", "much", "many", "way", "thing", "things",
            "name", "university", "program", "programme", "participate", "question", "questions",
            "possible", "need", "use", "used", "using", "able", "let", "try", "etc", "e.g", "i.e",
            "i'm", "i've", "i'd", "it's", "don't", "can't", "im", "ive", "id", "www", "http", "https", "com");

    private static final CharArraySet STOP_WORDS;

    static {
        CharArraySet stop = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        stop.addAll(List.of("i", "me", "my", "we", "our", "you", "your", "he", "she", "him", "her", "his",
                "am", "been", "being", "do", "does", "did", "have", "has", "had", "can", "may", "might",
                "so", "than", "too", "very", "what", "which", "who", "whom", "how", "when", "where", "why",
                "all", "any", "some", "more", "most", "other", "about", "from", "up", "down", "out", "over",
                "again", "here", "only", "own", "same", "because", "until", "while", "above", "below"));
        stop.addAll(PROGRAMME_WORDS);
        STOP_WORDS = CharArraySet.unmodifiableSet(stop);
    }

    private static final Analyzer ANALYZER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new LowerCaseFilter(source);
            stream = new EnglishPossessiveFilter(stream);
            stream = new StopFilter(stream, STOP_WORDS);
            stream = new PorterStemFilter(stream);
            return new TokenStreamComponents(source, stream);
        }
    };

    private TextAnalysis() {
    }

    /** Hashes and ids ("a3f9c2e1", "xr4znccjks0"): letters and several digits mixed in a long token. */
    private static boolean looksRandom(CharSequence term) {
        if (term.length() < 7) return false;
        int digits = 0;
        for (int i = 0; i < term.length(); i++) if (Character.isDigit(term.charAt(i))) digits++;
        return digits >= 2 && digits < term.length();
    }

    public static Analyzer analyzer() {
        return ANALYZER;
    }

    /** Links, addresses and message ids name no idea, and their random parts look like rare terms. */
    private static final Pattern NOT_WORDS = Pattern.compile(
            "(?:https?|ftp)://\\S+|\\bwww\\.\\S+|<?[\\w.+=-]+@[\\w.-]+>?|\\$gmane/\\d+");

    /** The analysed terms of a text, in order (stop words leave no gap). */
    public static List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        if (text == null || text.isEmpty()) return terms;
        try (TokenStream stream = ANALYZER.tokenStream("", NOT_WORDS.matcher(text).replaceAll(" "))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (term.length() > 1 && term.length() < 40 && !looksRandom(term)) terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String cannot fail
        }
        return terms;
    }
}
