package org.mentorbot.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The query language against a small in-memory archive: each test asserts which messages a query finds,
 * so it checks behaviour rather than the shape of the Lucene query.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchiveQueryTest {

    /** Noon, June 15 2024 UTC: "today" is the 15th, "yesterday" the 14th. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-15T12:00:00Z"), ZoneOffset.UTC);
    private static final String NAME = "name";

    /** The same chain as the archive's analyser: standard tokens, lower case, accents folded. */
    private static final Analyzer ANALYZER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            StandardTokenizer tokenizer = new StandardTokenizer();
            TokenStream ts = new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer));
            return new TokenStreamComponents(tokenizer, ts);
        }
    };

    private final ArchiveQuery parser = new ArchiveQuery(ANALYZER, CLOCK);
    private ByteBuffersDirectory dir;
    private DirectoryReader reader;
    private IndexSearcher searcher;

    @BeforeAll
    void index() throws IOException {
        dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(ANALYZER))) {
            w.addDocument(new Mail("rebase", "<rebase-1@example.com>", "2011-02-23T10:00:00Z")
                    .list("git.vger.kernel.org")
                    .from("Alice Student", "alice@example.com")
                    .text(ArchiveFields.TO, "Git List <git@vger.kernel.org>")
                    .text(ArchiveFields.CC, "Peff <peff@peff.net>")
                    .text(ArchiveFields.SUBJECT, "Question about rebase --onto")
                    .text(ArchiveFields.BODY, "How do I rebase my branch onto master?")
                    .text(ArchiveFields.QUOTED, "please read the manual")
                    .keyword(ArchiveFields.INQUIRY, "true")
                    .keyword(ArchiveFields.IDEA, "parallel-checkout")
                    .text(ArchiveFields.IDEA_TITLE, "Parallel checkout")
                    .keyword(ArchiveFields.MENTOR, "peff@peff.net")
                    .doc);
            // The last millisecond of April: d:..2011-04 must include it.
            w.addDocument(new Mail("patch", "<patch-2@hack.org>", "2011-04-30T23:59:59.999Z")
                    .list("git.vger.kernel.org")
                    .from("Bob Hacker", "bob@hack.org")
                    .text(ArchiveFields.TO, "Junio <gitster@pobox.com>")
                    .text(ArchiveFields.SUBJECT, "[PATCH] merge: fix conflict markers")
                    .text(ArchiveFields.BODY, "This patch fixes merge conflict markers.")
                    .text(ArchiveFields.QUOTED, "rebase is broken")
                    .keyword(ArchiveFields.PATCH, "true")
                    .doc);
            // The first millisecond of March: d:2011-02 must not include it.
            w.addDocument(new Mail("gsoc", "<gsoc-3@uni.fr>", "2011-03-01T00:00:00Z")
                    .list("git.vger.kernel.org")
                    .from("Chloé Étudiante", "chloe@uni.fr")
                    .text(ArchiveFields.TO, "Git List <git@vger.kernel.org>")
                    .text(ArchiveFields.CC, "Christian <chriscool@tuxfamily.org>")
                    .text(ArchiveFields.SUBJECT, "GSoC application for bisect")
                    .text(ArchiveFields.BODY, "I would like to work on git bisect. Café, résumé attached.")
                    .text(ArchiveFields.QUOTED, "see the ideas page")
                    .keyword(ArchiveFields.INQUIRY, "true")
                    .keyword(ArchiveFields.IDEA, "bisect-improvements")
                    .text(ArchiveFields.IDEA_TITLE, "Bisect improvements")
                    .keyword(ArchiveFields.MENTOR, "chriscool@tuxfamily.org")
                    .keyword(ArchiveFields.MENTOR, "peff@peff.net")
                    .doc);
            w.addDocument(new Mail("yesterday", "<y-4@example.com>", "2024-06-14T08:00:00Z")
                    .list("gitgitgadget")
                    .from("Dana", "dana@example.com")
                    .text(ArchiveFields.SUBJECT, "Merge conflict after rebase")
                    .text(ArchiveFields.BODY, "still seeing conflicts")
                    .text(ArchiveFields.QUOTED, "thanks for the help")
                    .doc);
            // Date 0: unknown. The List-Id kept its angle brackets.
            w.addDocument(new Mail("undated", "<undated@x>", null)
                    .list("<git.vger.kernel.org>")
                    .text(ArchiveFields.SUBJECT, "Undated message about bisect")
                    .doc);
            w.addDocument(new Mail("lastmonth", "<m-6@example.com>", "2024-05-20T00:00:00Z")
                    .list("git.vger.kernel.org")
                    .text(ArchiveFields.SUBJECT, "Weekly summary")
                    .text(ArchiveFields.BODY, "Summary of the week")
                    .text(ArchiveFields.QUOTED, "last week was quiet")
                    .doc);
            w.addDocument(new Mail("today", "<t-7@example.com>", "2024-06-15T00:30:00Z")
                    .list("git.vger.kernel.org")
                    .text(ArchiveFields.SUBJECT, "Today's news")
                    .doc);
        }
        reader = DirectoryReader.open(dir);
        searcher = new IndexSearcher(reader);
    }

    @AfterAll
    void close() throws IOException {
        reader.close();
        dir.close();
    }

    /** A document as the archive indexes it: keywords lower-cased, the date as point and doc value. */
    private static final class Mail {
        final Document doc = new Document();

        Mail(String name, String id, String date) {
            doc.add(new StringField(NAME, name, Field.Store.YES));
            keyword(ArchiveFields.ID, id);
            long millis = date == null ? 0 : Instant.parse(date).toEpochMilli();
            doc.add(new LongPoint(ArchiveFields.DATE, millis));
            doc.add(new NumericDocValuesField(ArchiveFields.DATE, millis));
        }

        Mail keyword(String field, String value) {
            doc.add(new StringField(field, value.toLowerCase(Locale.ROOT), Field.Store.NO));
            return this;
        }

        Mail text(String field, String value) {
            doc.add(new TextField(field, value, Field.Store.NO));
            return this;
        }

        Mail list(String list) {
            return keyword(ArchiveFields.LIST, list);
        }

        Mail from(String name, String address) {
            return text(ArchiveFields.FROM, name + " <" + address + ">").keyword(ArchiveFields.FROM_ADDRESS, address);
        }
    }

    private List<String> ranked(ArchiveQuery.Parsed parsed) throws IOException {
        List<String> names = new ArrayList<>();
        for (ScoreDoc sd : searcher.search(parsed.query(), 100, parsed.sort()).scoreDocs) {
            names.add(searcher.storedFields().document(sd.doc).get(NAME));
        }
        return names;
    }

    private Set<String> found(String query) throws Exception {
        return new LinkedHashSet<>(ranked(parser.parse(query)));
    }

    private ArchiveQuery.QuerySyntaxException error(String query) {
        ArchiveQuery.QuerySyntaxException e =
                catchThrowableOfType(ArchiveQuery.QuerySyntaxException.class, () -> parser.parse(query));
        assertThat(e).as("error for %s", query).isNotNull();
        return e;
    }

    @Nested
    class FreeText {

        @Test
        void aWordSearchesSubjectBodyQuotedSenderAndIdeaTitle() throws Exception {
            assertThat(found("rebase")).containsExactlyInAnyOrder("rebase", "patch", "yesterday");
            assertThat(found("Alice")).containsExactly("rebase");
            assertThat(found("improvements")).containsExactly("gsoc");
        }

        @Test
        void quotedTextCountsLeast() throws Exception {
            // "rebase" is rarer in the quoted text than in subjects, so only its low weight puts "patch" last.
            List<String> hits = ranked(parser.parse("rebase"));
            assertThat(hits).hasSize(3).last().isEqualTo("patch");
        }

        @Test
        void severalWordsAreAllRequired() throws Exception {
            assertThat(found("rebase onto")).containsExactly("rebase");
            assertThat(found("rebase AND onto")).containsExactly("rebase");
            assertThat(found("rebase bisect")).isEmpty();
        }

        @Test
        void accentsAndCaseAreFolded() throws Exception {
            assertThat(found("CAFE resume")).containsExactly("gsoc");
            assertThat(found("étudiante")).containsExactly("gsoc");
        }

        @Test
        void aQuotedPhraseNeedsItsWordsInOrder() throws Exception {
            assertThat(found("\"merge conflict\"")).containsExactlyInAnyOrder("patch", "yesterday");
            assertThat(found("\"conflict merge\"")).isEmpty();
        }

        @Test
        void aWordTheAnalyserSplitsIsAPhrase() throws Exception {
            assertThat(found("conflict-markers")).containsExactly("patch");
            assertThat(found("markers-conflict")).isEmpty();
        }
    }

    @Nested
    class BooleanLogic {

        @Test
        void or() throws Exception {
            assertThat(found("bisect OR onto")).containsExactlyInAnyOrder("rebase", "gsoc", "undated");
            // Lower-case "or" is a word like any other.
            assertThat(found("bisect or onto")).isEmpty();
        }

        @Test
        void notAndMinusExclude() throws Exception {
            assertThat(found("rebase NOT patch")).containsExactlyInAnyOrder("rebase", "yesterday");
            assertThat(found("rebase -patch")).containsExactlyInAnyOrder("rebase", "yesterday");
            assertThat(found("NOT NOT onto")).containsExactly("rebase");
        }

        @Test
        void aNegationAloneMeansEverythingElse() throws Exception {
            assertThat(found("-rebase")).containsExactlyInAnyOrder("gsoc", "undated", "lastmonth", "today");
            assertThat(found("NOT rebase")).containsExactlyInAnyOrder("gsoc", "undated", "lastmonth", "today");
            assertThat(found("-(rebase OR bisect)")).containsExactlyInAnyOrder("lastmonth", "today");
            assertThat(found("onto OR -rebase"))
                    .containsExactlyInAnyOrder("rebase", "gsoc", "undated", "lastmonth", "today");
        }

        @Test
        void parenthesesGroup() throws Exception {
            assertThat(found("(bisect OR onto) gsoc")).containsExactly("gsoc");
            assertThat(found("bisect OR (onto gsoc)")).containsExactlyInAnyOrder("gsoc", "undated");
        }

        @Test
        void juxtapositionBindsLooserThanOrAndOrLooserThanAnd() throws Exception {
            assertThat(found("bisect OR onto gsoc")).containsExactly("gsoc");
            assertThat(found("bisect OR onto AND branch")).containsExactlyInAnyOrder("rebase", "gsoc", "undated");
            assertThat(found("onto AND branch OR bisect")).containsExactlyInAnyOrder("rebase", "gsoc", "undated");
        }
    }

    @Nested
    class Prefixes {

        @Test
        void subject() throws Exception {
            assertThat(found("s:rebase")).containsExactlyInAnyOrder("rebase", "yesterday");
            assertThat(found("s:\"merge conflict\"")).containsExactly("yesterday");
        }

        @Test
        void fromByNameOrAddress() throws Exception {
            assertThat(found("f:alice")).containsExactly("rebase");
            assertThat(found("f:alice@example.com")).containsExactly("rebase");
            assertThat(found("f:<ALICE@Example.com>")).containsExactly("rebase");
            assertThat(found("f:example.com")).containsExactlyInAnyOrder("rebase", "yesterday");
            assertThat(found("f:\"Bob Hacker\"")).containsExactly("patch");
            assertThat(found("f:chloe")).containsExactly("gsoc");
        }

        @Test
        void longNamesMeanTheSameAsTheShortPrefixes() throws Exception {
            assertThat(found("subject:rebase")).isEqualTo(found("s:rebase"));
            assertThat(found("from:alice")).containsExactly("rebase");
            assertThat(found("FROM:alice")).containsExactly("rebase");
            assertThat(found("cc:peff")).containsExactly("rebase");
            assertThat(found("to:peff")).isEmpty();
            assertThat(found("date:2011-02..2011-04")).isEqualTo(found("d:2011-02..2011-04"));
        }

        @Test
        void recipients() throws Exception {
            assertThat(found("t:gitster")).containsExactly("patch");
            assertThat(found("t:peff")).isEmpty();
            assertThat(found("c:peff")).containsExactly("rebase");
            assertThat(found("tc:peff")).containsExactly("rebase");
            assertThat(found("tc:gitster")).containsExactly("patch");
            assertThat(found("tc:git@vger.kernel.org")).containsExactlyInAnyOrder("rebase", "gsoc");
        }

        @Test
        void bodyOwnTextAndQuotedText() throws Exception {
            assertThat(found("b:rebase")).containsExactlyInAnyOrder("rebase", "patch");
            assertThat(found("nq:rebase")).containsExactly("rebase");
            assertThat(found("q:rebase")).containsExactly("patch");
            assertThat(found("q:\"is broken\"")).containsExactly("patch");
        }

        @Test
        void listByIdOrItsFirstLabel() throws Exception {
            Set<String> gitList = Set.of("rebase", "patch", "gsoc", "undated", "lastmonth", "today");
            assertThat(found("l:git")).isEqualTo(gitList);
            assertThat(found("l:git.vger.kernel.org")).isEqualTo(gitList);
            assertThat(found("l:<GIT.vger.kernel.org>")).isEqualTo(gitList);
            assertThat(found("l:gitgitgadget")).containsExactly("yesterday");
            assertThat(found("l:gi")).isEmpty();
        }

        @Test
        void ideaByIdOrTitle() throws Exception {
            assertThat(found("idea:parallel-checkout")).containsExactly("rebase");
            assertThat(found("idea:Bisect-Improvements")).containsExactly("gsoc");
            assertThat(found("idea:checkout")).containsExactly("rebase");
            assertThat(found("idea:onto")).isEmpty();
        }

        @Test
        void mentorByAddressOrLocalPartPrefix() throws Exception {
            assertThat(found("mentor:peff@peff.net")).containsExactlyInAnyOrder("rebase", "gsoc");
            assertThat(found("mentor:<PEFF@peff.net>")).containsExactlyInAnyOrder("rebase", "gsoc");
            assertThat(found("mentor:chriscool")).containsExactly("gsoc");
            assertThat(found("mentor:chris")).containsExactly("gsoc");
            assertThat(found("mentor:peff@other.org")).isEmpty();
        }

        @Test
        void flags() throws Exception {
            assertThat(found("is:inquiry")).containsExactlyInAnyOrder("rebase", "gsoc");
            assertThat(found("is:patch")).containsExactly("patch");
            assertThat(found("rebase -is:patch")).containsExactlyInAnyOrder("rebase", "yesterday");
        }

        @Test
        void unansweredIsLeftToTheSearcher() throws Exception {
            ArchiveQuery.Parsed alone = parser.parse("is:unanswered");
            assertThat(alone.unanswered()).isTrue();
            assertThat(alone.query()).isInstanceOf(MatchAllDocsQuery.class);

            ArchiveQuery.Parsed narrowed = parser.parse("(rebase is:unanswered) -patch");
            assertThat(narrowed.unanswered()).isTrue();
            assertThat(ranked(narrowed)).containsExactlyInAnyOrder("rebase", "yesterday");

            assertThat(parser.parse("rebase").unanswered()).isFalse();
        }

        @Test
        void messageIdWithOrWithoutBrackets() throws Exception {
            assertThat(found("m:rebase-1@example.com")).containsExactly("rebase");
            assertThat(found("id:<rebase-1@example.com>")).containsExactly("rebase");
            assertThat(found("id:<Rebase-1@EXAMPLE.com>")).containsExactly("rebase");
            assertThat(found("id:rebase-1@example")).isEmpty();
        }

        @Test
        void filtersDoNotChangeTheTextRanking() throws Exception {
            ArchiveQuery.Parsed plain = parser.parse("rebase");
            ArchiveQuery.Parsed filtered = parser.parse("rebase l:git is:inquiry");
            float plainScore = searcher.search(plain.query(), 1).scoreDocs[0].score;
            float filteredScore = searcher.search(filtered.query(), 1).scoreDocs[0].score;
            assertThat(ranked(filtered)).containsExactly("rebase");
            assertThat(filteredScore).isEqualTo(plainScore);
        }
    }

    @Nested
    class Dates {

        @ParameterizedTest(name = "[{index}] «{0}»")
        @CsvSource(delimiter = '|', value = {
                "d:2011                  | gsoc patch rebase",
                "d:2011-02               | rebase",
                "d:2011-2                | rebase",
                "d:2011-02-23            | rebase",
                "d:2011-02-24            | ''",
                "d:2011-03..2011-03      | gsoc",
                "d:2011-02..2011-04      | gsoc patch rebase",
                "d:2011-02-24..2011-04-30 | gsoc patch",
                "d:..2012                | gsoc patch rebase",
                "d:..2011-02-28          | rebase",
                "d:2011..                | gsoc lastmonth patch rebase today yesterday",
                "d:2024-06-14            | yesterday",
                "dt:2011-02              | rebase",
                "d:today                 | today",
                "d:yesterday             | yesterday",
                "d:today..               | today",
                "d:..yesterday           | gsoc lastmonth patch rebase yesterday",
                "d:last.week..           | today yesterday",
                "d:last.week             | today yesterday",
                "d:last.month..          | lastmonth today yesterday",
                "d:last.year..           | lastmonth today yesterday",
                "d:2.weeks.ago..         | today yesterday",
                "d:30.days.ago..         | lastmonth today yesterday",
                "d:1.month.ago..yesterday | lastmonth yesterday",
                "d:14.years.ago..13.years.ago | gsoc patch rebase",
        })
        void range(String query, String expected) throws Exception {
            List<String> names = expected.isEmpty() ? List.of() : List.of(expected.split(" "));
            assertThat(found(query)).containsExactlyInAnyOrderElementsOf(names);
        }

        @Test
        void aRangeRunsFromTheFirstMillisecondOfItsStartToTheLastOfItsEnd() throws Exception {
            DateRange r = DateRange.parse("2011-02..2011-04", 0, CLOCK);
            assertThat(r.from()).isEqualTo(Instant.parse("2011-02-01T00:00:00Z").toEpochMilli());
            assertThat(r.to()).isEqualTo(Instant.parse("2011-04-30T23:59:59.999Z").toEpochMilli());
            DateRange week = DateRange.parse("last.week..", 0, CLOCK);
            assertThat(week.from()).isEqualTo(Instant.parse("2024-06-08T00:00:00Z").toEpochMilli());
            assertThat(week.to()).isEqualTo(Long.MAX_VALUE);
        }

        @Test
        void anOpenStartLeavesOutMessagesOfUnknownDate() throws Exception {
            assertThat(found("d:..2030")).doesNotContain("undated").contains("rebase", "today");
        }
    }

    @Nested
    class Sorting {

        @Test
        void relevanceByDefault() throws Exception {
            assertThat(parser.parse("rebase").sort()).isEqualTo(Sort.RELEVANCE);
            assertThat(parser.parse("rebase sort:relevance").sort()).isEqualTo(Sort.RELEVANCE);
        }

        @Test
        void oldestOrNewestFirst() throws Exception {
            assertThat(ranked(parser.parse("l:git d:2011.. sort:date")))
                    .containsExactly("rebase", "gsoc", "patch", "lastmonth", "today");
            assertThat(ranked(parser.parse("l:git d:2011.. sort:-date")))
                    .containsExactly("today", "lastmonth", "patch", "gsoc", "rebase");
        }
    }

    @Nested
    class Errors {

        @ParameterizedTest(name = "[{index}] «{0}»")
        @CsvSource(delimiter = '|', value = {
                "d:2011-13..            | 2  | '\"2011-13\" is not a date (use YYYY, YYYY-MM, YYYY-MM-DD, or last.week/last.month/last.year/today/yesterday)'",
                "rebase d:..2011-13     | 11 | '\"2011-13\" is not a date'",
                "d:2011-02-30           | 2  | '\"2011-02-30\" is not a date'",
                "d:last.fortnight       | 2  | '\"last.fortnight\" is not a date'",
                "d:2012..2011           | 2  | '\"2012..2011\" is an empty range: it starts after it ends'",
                "d:..                   | 2  | '\"..\" needs a date on at least one side'",
                "x:foo                  | 0  | 'unknown prefix \"x:\" (known: s: f: t: c: tc: b: nq: q: l: d: dt: idea: mentor: is: m: id: sort:'",
                "rebase http://x.org    | 7  | 'unknown prefix \"http:\"'",
                "(rebase onto           | 0  | 'unclosed \"(\"'",
                "a (b (c)               | 2  | 'unclosed \"(\"'",
                "rebase)                | 6  | '\")\" without a matching \"(\"'",
                "'\"merge conflict'     | 0  | 'unclosed quote'",
                "'s:\"merge'            | 2  | 'unclosed quote'",
                "''                     | 0  | 'empty query'",
                "'   '                  | 0  | 'empty query'",
                "sort:date              | 0  | 'empty query'",
                "s:                     | 0  | 'prefix \"s:\" has no value'",
                "rebase s: onto         | 7  | 'prefix \"s:\" has no value'",
                "'s:\"\"'               | 0  | 'prefix \"s:\" has no value'",
                "is:spam                | 3  | 'unknown \"is:\" value \"spam\" (use is:inquiry, is:patch, is:unanswered or is:unreadable)'",
                "rebase sort:size       | 12 | 'unknown sort \"size\" (use sort:date, sort:-date or sort:relevance)'",
                "rebase sort:           | 7  | 'prefix \"sort:\" has no value'",
                "sort:date rebase       | 0  | '\"sort:date\" must come at the end of the query'",
                "rebase OR              | 9  | 'expected a search term after OR, found the end of the query'",
                "rebase AND )           | 11 | 'expected a search term after AND, found )'",
                "NOT                    | 3  | 'expected a search term after NOT'",
                "AND rebase             | 0  | 'expected a search term, found AND'",
                "()                     | 0  | 'empty parentheses'",
                "rebase !!!             | 7  | '\"!!!\" has no letters or digits to search for'",
                "s:---                  | 2  | '\"---\" has no letters or digits to search for'",
                "rebase OR is:unanswered | 10 | 'is:unanswered can only narrow the whole query'",
                "-is:unanswered         | 1  | 'is:unanswered can only narrow the whole query'",
        })
        void positionAndMessage(String query, int position, String reason) {
            ArchiveQuery.QuerySyntaxException e = error(query);
            assertThat(e.position()).isEqualTo(position);
            assertThat(e.reason()).startsWith(reason);
            assertThat(e.getMessage()).isEqualTo("query \"" + query + "\": at column " + (position + 1) + ": " + e.reason());
        }

        @Test
        void theDateMessageReadsInFull() {
            assertThat(error("d:2011-13..").getMessage()).isEqualTo(
                    "query \"d:2011-13..\": at column 3: \"2011-13\" is not a date (use YYYY, YYYY-MM, YYYY-MM-DD,"
                            + " or last.week/last.month/last.year/today/yesterday)");
        }

        @Test
        void theMessageIsOneLine() {
            ArchiveQuery.QuerySyntaxException e = error("rebase\n)");
            assertThat(e.position()).isEqualTo(7);
            assertThat(e.getMessage()).doesNotContain("\n").startsWith("query \"rebase )\": at column 8:");
        }
    }
}
