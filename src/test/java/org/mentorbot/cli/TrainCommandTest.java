package org.mentorbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {

    @Test
    void trainingOnTheCorpusGivesTheShippedModelByteForByte(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("model.tsv");
        CliRunner.Result r = CliRunner.run("train", "--corpus", "src/corpus", "--out", out.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote " + out).contains("heaviest features");
        assertThat(Files.readString(out)).as("config/inquiry-model.tsv is what `mentorbot train` builds from src/corpus;"
                + " run it again after changing the corpus or the features").isEqualTo(Files.readString(Path.of("config/inquiry-model.tsv")));
    }

    @Test
    void aMissingCorpusIsOneLineAndExitCode2(@TempDir Path dir) {
        CliRunner.Result r = CliRunner.run("train", "--corpus", dir.resolve("none").toString(), "--out", dir.resolve("m.tsv").toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("mentorbot: corpus " + dir.resolve("none") + ": no such directory");
        assertThat(Files.exists(dir.resolve("m.tsv"))).isFalse();
    }
}
