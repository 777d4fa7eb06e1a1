package org.mentorbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The quality floor: triage of the labelled development set (real Git and DragonFly list mail against
 * all their ideas pages at once) must not fall below these figures. Raise them as triage improves.
 */
class EvalCommandTest {

    @Test
    void devSetQualityStaysAboveTheFloor() {
        CliRunner.Result r = CliRunner.run("eval", "--catalog", "src/test/resources/catalogs",
                "--labels", "src/test/resources/labels.tsv", "src/test/resources/messages");

        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
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
