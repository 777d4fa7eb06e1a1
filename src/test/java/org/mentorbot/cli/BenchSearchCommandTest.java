package org.mentorbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchSearchCommandTest {

    @TempDir
    static Path dir;
    static String archive;

    @BeforeAll
    static void importSamples() {
        archive = dir.resolve("archive").toString();
        CliRunner.importInto(dir.resolve("archive"), "config/samples/kernel-list.mbox",
                "src/test/resources/pipermail/2011-February.txt.gz");
    }

    private static String queries(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file.toString();
    }

    @Test
    void printsEachQuerysMedianAndHitsThenTheSummary() throws IOException {
        String file = queries("ok.tsv", "# mentorbot<TAB>notmuch\nvirtio\tvirtio\n\nd:2011 is:inquiry\tdate:2011\n");

        CliRunner.Result r = CliRunner.run("bench-search", "--archive", archive, "--queries", file, "--runs", "3", "--warmup", "1");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("(?m)^ +\\d+\\.\\d\\d +1 +1  d:2011 is:inquiry$")
                .containsPattern("(?m)^ +\\d+\\.\\d\\d +\\d+ +\\d+  virtio$")
                .containsPattern("(?m)^search: 2 queries × 3 runs: median \\d+\\.\\d\\d ms, p90 \\d+\\.\\d\\d ms, "
                        + "p99 \\d+\\.\\d\\d ms, max \\d+\\.\\d\\d ms$");
    }

    @Test
    void aBadQueryIsNamedWithItsLine() throws IOException {
        String file = queries("bad.tsv", "virtio\n# fine so far\nd:2011-13..\tdate:2011\n");

        CliRunner.Result r = CliRunner.run("bench-search", "--archive", archive, "--queries", file);

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).contains("line 3").contains("d:2011-13..").doesNotContain("\n");
    }

    @Test
    void missingInputsAndNonsenseCountsAreOneLine() throws IOException {
        String file = queries("one.tsv", "virtio\n");
        String empty = queries("empty.tsv", "# nothing\n\n");

        CliRunner.Result noFile = CliRunner.run("bench-search", "--archive", archive, "--queries", dir.resolve("nope.tsv").toString());
        CliRunner.Result noQueries = CliRunner.run("bench-search", "--archive", archive, "--queries", empty);
        CliRunner.Result noArchive = CliRunner.run("bench-search", "--archive", dir.resolve("none").toString(), "--queries", file);
        CliRunner.Result noRuns = CliRunner.run("bench-search", "--archive", archive, "--queries", file, "--runs", "0");

        assertThat(noFile.exitCode()).isEqualTo(2);
        assertThat(noFile.err().strip()).contains("nope.tsv").doesNotContain("\n");
        assertThat(noQueries.err().strip()).endsWith("no queries");
        assertThat(noArchive.exitCode()).isEqualTo(2);
        assertThat(noArchive.err().strip()).contains("none").doesNotContain("\n");
        assertThat(noRuns.exitCode()).isEqualTo(2);
        assertThat(noRuns.err()).contains("--runs");
    }
}
