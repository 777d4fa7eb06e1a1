package org.mentorbot.archive;

import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analyzer of the archive's text fields: words as the Unicode standard splits them, lower-cased and folded
 * to ASCII. No stemming and no stop words, so that a phrase or a word matches what was written, as in lore or
 * notmuch; "the" and "a" inside a quoted phrase must count.
 */
public final class ArchiveAnalyzer extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        // Long tokens (base64 leftovers, hashes) are kept whole up to this length rather than split.
        tokenizer.setMaxTokenLength(255);
        TokenStream stream = new LowerCaseFilter(tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }

    /** The whole value as one lower-cased term: how the keyword fields are indexed, for the query parser. */
    public static final class Keyword extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            KeywordTokenizer tokenizer = new KeywordTokenizer();
            return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }

    /** Text fields through {@link ArchiveAnalyzer}, keyword fields as single lower-cased terms. */
    public static Analyzer perField() {
        Analyzer keyword = new Keyword();
        Map<String, Analyzer> fields = new HashMap<>();
        for (String field : ArchiveFields.KEYWORD_FIELDS) fields.put(field, keyword);
        return new PerFieldAnalyzerWrapper(new ArchiveAnalyzer(), fields);
    }
}
