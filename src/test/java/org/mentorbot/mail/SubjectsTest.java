package org.mentorbot.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubjectsTest {

    @Test
    void prefixesAndTagsGoInAnyOrder() {
        assertThat(Subjects.key("Re: [PATCH v2] Fwd: AW:  Foo   Bar")).isEqualTo("foo bar");
        assertThat(Subjects.key("RE[2]: Antw: SV: x")).isEqualTo("x");
        assertThat(Subjects.key(null)).isEmpty();
        assertThat(Subjects.isReply("[dfly] Re: foo")).isTrue();
        assertThat(Subjects.isReply("[PATCH] foo: reply to")).isFalse();
        assertThat(Subjects.isReply("Reply: not a prefix")).isFalse();
    }

    @Test
    void aHundredThousandStackedPrefixesNeitherOverflowNorStall() {
        String subject = "Re: ".repeat(100_000) + "[tag] ".repeat(10_000) + "The Question";
        assertThat(Subjects.key(subject)).isEqualTo("the question");
        assertThat(Subjects.isReply(subject)).isTrue();
        assertThat(Subjects.isReply("[x]".repeat(100_000))).isFalse();
    }
}
