package org.mentorbot.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentorbot.triage.Decision;

/** is:unanswered for a thread whose root Message-ID has capitals, as Gmail's "&lt;CA...@mail.gmail.com&gt;" do. */
class UnansweredThreadIdCaseTest {

    @TempDir
    Path dir;

    @Test
    void anInquiryThreadRootedAtAMixedCaseIdIsFoundUnanswered() throws Exception {
        try (Archive archive = Archive.open(dir)) {
            Mails.Parsed p = Mails.parse(Mails.eml("<CAbc+XY@mail.gmail.com>", "virtio question", "Mon, 01 Mar 2010 10:00:00 +0000",
                    "Where do I start with virtio?"));
            archive.add(p.raw(), p.message(), p.text(),
                    new Decision(p.message(), true, null, 0.9, List.of(), List.of(), null, List.of()), "dfly");
            archive.commit();
            ArchiveSearch search = new ArchiveSearch(archive, new ArchiveQuery(new ArchiveAnalyzer(), Clock.systemUTC()),
                    new ArchiveAnalyzer());

            assertThat(search.search("is:inquiry is:unanswered", 1, 10).threads()).extracting(ArchiveSearch.ThreadHit::threadId)
                    .containsExactly("<CAbc+XY@mail.gmail.com>");
        }
    }
}
