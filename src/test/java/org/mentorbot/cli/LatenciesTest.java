package org.mentorbot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreTimingsThatWereMeasured() {
        double[] millis = new double[100];
        for (int i = 0; i < millis.length; i++) millis[i] = 100 - i; // unsorted on purpose
        Latencies l = new Latencies(millis);

        assertThat(l.median()).isEqualTo(50);
        assertThat(l.percentile(90)).isEqualTo(90);
        assertThat(l.percentile(99)).isEqualTo(99);
        assertThat(l.max()).isEqualTo(100);
        assertThat(l.count()).isEqualTo(100);
    }

    @Test
    void aFewTimingsRoundTheRankUp() {
        Latencies l = new Latencies(new double[] {3, 1, 2});

        assertThat(l.median()).isEqualTo(2);
        assertThat(l.percentile(99)).isEqualTo(3);
        assertThat(new Latencies(new double[] {7}).percentile(1)).isEqualTo(7);
    }

    @Test
    void noTimingsIsAMistake() {
        assertThatThrownBy(() -> new Latencies(new double[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Latencies(new double[] {1}).percentile(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
