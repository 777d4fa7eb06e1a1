package org.mentorbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The quality floors: triage measured on projects the model was not trained on (leave one project of the
 * corpus out, for each project), and on the labelled development set (real Git and DragonFly list mail
 * against all their ideas pages at once), must not fall below these figures. Training is seeded, so the
 * figures are the same on every run. Raise the floors as triage improves.
 */
class EvalCommandTest {

    // Measured 0.82 / 0.79 / 0.51 (issue 9's targets are 0.95 / 0.90 / 0.90: not met yet).
    static final double CROSS_PROJECT_PRECISION = 0.81;
    static final double CROSS_PROJECT_RECALL = 0.78;
    static final double CROSS_PROJECT_TOP1 = 0.50;

    @Test
    void crossProjectQualityStaysAboveTheFloor() {
        CliRunner.Result r = CliRunner.run("eval", "--cross-project", "--corpus", "src/corpus");

        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        String last = r.out().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(last).matches("cross-project: precision [0-9.]+ recall [0-9.]+ top-1 [0-9.]+ \\(\\d+ projects, \\d+ messages\\)");
        assertThat(figure(last, "precision")).as(r.out()).isGreaterThanOrEqualTo(CROSS_PROJECT_PRECISION);
        assertThat(figure(last, "recall")).as(r.out()).isGreaterThanOrEqualTo(CROSS_PROJECT_RECALL);
        assertThat(figure(last, "top-1")).as(r.out()).isGreaterThanOrEqualTo(CROSS_PROJECT_TOP1);
    }

    @Test
    void devSetQualityStaysAboveTheFloor() {
        CliRunner.Result r = CliRunner.run("eval", "--catalog", "src/test/resources/catalogs",
                "--labels", "src/test/resources/labels.tsv", "src/test/resources/messages");

        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        // Measured 0.968 / 0.968 / 0.880.
        assertThat(figure(r.out(), "precision")).as(r.out()).isGreaterThanOrEqualTo(0.95);
        assertThat(figure(r.out(), "recall")).as(r.out()).isGreaterThanOrEqualTo(0.95);
        assertThat(figure(r.out(), "top-1 routing accuracy:")).as(r.out()).isGreaterThanOrEqualTo(0.88);
    }

    @Test
    void aFailingFloorMakesEvalExitNonZero() {
        CliRunner.Result r = CliRunner.run("eval", "--catalog", "src/test/resources/catalogs",
                "--labels", "src/test/resources/labels.tsv", "--min-routing", "1.01", "src/test/resources/messages");

        assertThat(r.exitCode()).isEqualTo(1);
    }

    private static double figure(String output, String name) {
        Matcher m = Pattern.compile(Pattern.quote(name) + " ([0-9.]+)").matcher(output);
        assertThat(m.find()).as("'" + name + "' in " + output).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
