package org.mentorbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class HeapHintTest {

    private static String hint(long maxBytes, long aboveMb) {
        StringWriter out = new StringWriter();
        HeapHint.warn(new PrintWriter(out), maxBytes, aboveMb, "a bounded footprint", "-Xmx512m", "import");
        return out.toString();
    }

    @Test
    void saysHowToBoundAHeapAboveTheLimit() {
        assertThat(hint(6144L << 20, 1024)).isEqualTo("mentorbot: note: the heap may grow to 6144 MB; for a bounded "
                + "footprint run java -Xmx512m -jar mentorbot.jar import" + System.lineSeparator());
    }

    @Test
    void staysQuietWhenTheHeapIsBounded() {
        assertThat(hint(1024L << 20, 1024)).isEmpty();
        assertThat(hint(512L << 20, 1024)).isEmpty();
    }
}
