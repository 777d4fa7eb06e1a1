package org.mentorbot.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InquiryTrainerTest {

    /**
     * Examples from four projects: "ask" marks inquiries in every project, "own-N" words only one project
     * uses, "noise" is everywhere. The seed is printed by the assertion messages, so a failure can be replayed.
     */
    static List<InquiryTrainer.Example> examples(long seed) {
        Random random = new Random(seed);
        List<InquiryTrainer.Example> examples = new ArrayList<>();
        for (int project = 0; project < 4; project++) {
            for (int i = 0; i < 120; i++) {
                boolean inquiry = random.nextDouble() < 0.3;
                List<Feature> f = new ArrayList<>();
                if (inquiry ? random.nextDouble() < 0.9 : random.nextDouble() < 0.1) f.add(new Feature("ask", 1, ""));
                if (inquiry && random.nextDouble() < 0.9) f.add(new Feature("own-" + project, 1, ""));
                if (random.nextBoolean()) f.add(new Feature("noise", 1, ""));
                examples.add(new InquiryTrainer.Example("p" + project, f, inquiry));
            }
        }
        return examples;
    }

    @Test
    void learnsWhatAllProjectsShareAndNothingOnlyOneProjectSays() {
        long seed = new Random().nextLong();
        InquiryModel model = InquiryTrainer.train(examples(seed), new InquiryTrainer.Options(1, 3), List.of());

        assertThat(model.weights().get("ask")).as("seed " + seed).isGreaterThan(1.5);
        assertThat(model.weights()).as("seed " + seed).doesNotContainKeys("own-0", "own-1", "own-2", "own-3");
        assertThat(Math.abs(model.weights().getOrDefault("noise", 0.0))).as("seed " + seed).isLessThan(0.5);
        assertThat(model.probability(List.of(new Feature("ask", 1, "")))).as("seed " + seed).isGreaterThan(0.5);
        assertThat(model.probability(List.of())).as("seed " + seed).isLessThan(0.2);
    }

    @Test
    void theSameExamplesGiveTheSameFileByteForByte(@TempDir Path dir) throws IOException {
        long seed = new Random().nextLong();
        String first = InquiryTrainer.train(examples(seed), InquiryTrainer.Options.DEFAULT, List.of("header")).text();
        String second = InquiryTrainer.train(examples(seed), InquiryTrainer.Options.DEFAULT, List.of("header")).text();
        assertThat(second).as("seed " + seed).isEqualTo(first);

        Path file = dir.resolve("model.tsv");
        Files.writeString(file, first);
        InquiryModel read = InquiryModel.load(file);
        assertThat(read.text()).isEqualTo(first);
        assertThat(read.header()).containsExactly("header");
    }

    @Test
    void aFileThatIsNoModelIsRefusedNamingIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.tsv");
        Files.writeString(file, "ask\tnot-a-number\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> InquiryModel.load(file))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(file.toString()).hasMessageContaining("line 1");
        Files.writeString(file, "ask\t1.0\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> InquiryModel.load(file))
                .hasMessageContaining("not an inquiry model");
    }

    @Test
    void theBundledModelIsTheShippedOne() throws IOException {
        assertThat(InquiryModel.bundled().text()).isEqualTo(Files.readString(Path.of("config", InquiryModel.FILE_NAME)));
    }
}
