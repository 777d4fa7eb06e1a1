package org.mentorbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import and search as a user runs them: the sample list traffic and seed 004's pipermail month. */
class SearchCommandTest {

    @TempDir
    static Path dir;
    static String archive;

    @BeforeAll
    static void importSamples() {
        archive = dir.resolve("archive").toString();
        CliRunner.Result r = CliRunner.importInto(dir.resolve("archive"), "config/samples/kernel-list.mbox",
                "src/test/resources/pipermail/2011-February.txt.gz");
        assertThat(r.out()).contains("imported 24 messages (2 already archived, 0 unreadable)");
    }

    @Test
    void findsTheInquiryWithItsIdeaAndHighlightsTheMatch() {
        CliRunner.Result r = CliRunner.run("search", "--archive", archive, "virtio", "is:inquiry");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("1 messages in 1 threads match")
                .contains("gsoc 2011 : about virtio drivers")
                .contains("[inquiry: Implement virtio drivers on DragonFly")
                .contains("[virtio]")
                .contains("mentors:  aoiko@cc.ece.ntua.gr (1)");
    }

    @Test
    void theStudentAndTheMentorsAnswerShareOneThread() {
        CliRunner.Result r = CliRunner.run("search", "--archive", archive, "--json", "d:2011");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out().strip().lines()).singleElement().asString()
                .contains("\"thread\":\"<dfly-eval-001@eval.invalid>\"")
                .contains("<seed004-answer@eval.invalid>").contains("<dfly-eval-001@eval.invalid>");
    }

    @Test
    void aMalformedQuerySaysWhereItIsWrong() {
        CliRunner.Result r = CliRunner.run("search", "--archive", archive, "d:2011-13..");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("mentorbot: query \"d:2011-13..\": at column 3").doesNotContain("\n");
    }

    @Test
    void aMissingArchiveIsOneLine() {
        CliRunner.Result r = CliRunner.run("search", "--archive", dir.resolve("nope").toString(), "virtio");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).contains("nope").doesNotContain("\n");
    }
    @Test
    void aDamagedArchiveIsOneLineNotAStackTrace() throws Exception {
        java.nio.file.Path damaged = dir.resolve("damaged");
        CliRunner.importInto(damaged, "config/samples/kernel-list.mbox");
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(damaged)) {
            for (java.nio.file.Path p : files.filter(p -> p.getFileName().toString().startsWith("segments_")).toList()) {
                java.nio.file.Files.write(p, new byte[20]);
            }
        }

        CliRunner.Result r = CliRunner.run("search", "--archive", damaged.toString(), "virtio");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("mentorbot: search: ").doesNotContain("\tat ");
        assertThat(r.err().strip()).doesNotContain("\n");
    }
}
