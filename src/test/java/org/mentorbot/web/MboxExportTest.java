package org.mentorbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MboxExportTest {

    private static String write(String sender, String raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MboxExport.write(out, sender, 1267437600000L, raw.getBytes(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void fromLinesAreQuotedOneLevelDeeperAndCrlfIsKept() {
        assertThat(write("a@b.org", "Subject: x\r\n\r\nFrom me\r\n>From you\r\n>>From them\r\n From not\r\nFromage\r\n"))
                .isEqualTo("From a@b.org Mon Mar  1 10:00:00 2010\nSubject: x\r\n\r\n>From me\r\n>>From you\r\n>>>From them\r\n"
                        + " From not\r\nFromage\r\n\n");
    }

    @Test
    void aMessageWithoutAFinalNewlineStillEndsWithAnEmptyLine() {
        assertThat(write("a@b.org", "Subject: x\n\nbody")).isEqualTo("From a@b.org Mon Mar  1 10:00:00 2010\nSubject: x\n\nbody\n\n");
    }

    @Test
    void theEnvelopeSenderIsOneWordOfPrintableAscii() {
        assertThat(MboxExport.envelopeSender("Some One <some@example.org>")).isEqualTo("some@example.org");
        assertThat(MboxExport.envelopeSender("bare@example.org")).isEqualTo("bare@example.org");
        assertThat(MboxExport.envelopeSender("Evil <é@exämple.org>")).isEqualTo("MAILER-DAEMON");
        assertThat(MboxExport.envelopeSender("no address at all")).isEqualTo("MAILER-DAEMON");
        assertThat(MboxExport.envelopeSender(null)).isEqualTo("MAILER-DAEMON");
    }
}
