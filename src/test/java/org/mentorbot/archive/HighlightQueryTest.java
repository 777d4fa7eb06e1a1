package org.mentorbot.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

class HighlightQueryTest {

    private static final ArchiveQuery PARSER = new ArchiveQuery(new ArchiveAnalyzer(),
            Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC));

    private static String forBody(String query) throws Exception {
        return HighlightQuery.forField(PARSER.parse(query).query(), ArchiveFields.BODY).toString();
    }

    @Test
    void aFreeWordKeepsOnlyItsBodyField() throws Exception {
        assertThat(forBody("virtio")).isEqualTo("body:virtio");
        assertThat(forBody("\"request queue\"")).isEqualTo("body:\"request queue\"");
    }

    @Test
    void filtersAndNegationsOfAMatchedQueryGiveNoBodyMatches() throws Exception {
        assertThat(forBody("nvme d:2019 -timeout l:linux-block is:patch")).isEqualTo("body:nvme");
        assertThat(forBody("nvme timeout")).isEqualTo("body:nvme body:timeout");
    }

    @Test
    void alternativesAreKeptWithTheirBodyParts() throws Exception {
        assertThat(forBody("bcache OR f:axboe OR s:loop")).isEqualTo("body:bcache");
        assertThat(forBody("(nbd OR rbd) timeout")).isEqualTo("(body:nbd body:rbd) body:timeout");
    }

    @Test
    void aConjunctionThatIsOnlyAnAlternativeStaysWhole() throws Exception {
        Query whole = PARSER.parse("(nvme AND s:timeout) OR bcache").query();
        String reduced = HighlightQuery.forField(whole, ArchiveFields.BODY).toString();

        // Whether "nvme AND s:timeout" matched decides whether its body words count: it cannot be cut.
        assertThat(reduced).contains("+subject:timeout").contains("body:bcache");
    }

    @Test
    void aQueryWithoutBodyWordsHighlightsNothing() throws Exception {
        assertThat(HighlightQuery.forField(PARSER.parse("s:bfq d:2020").query(), ArchiveFields.BODY))
                .isInstanceOf(MatchNoDocsQuery.class);
        assertThat(HighlightQuery.forField(PARSER.parse("-nvme").query(), ArchiveFields.BODY))
                .isInstanceOf(MatchNoDocsQuery.class);
    }
}
