package org.mentorbot.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateLimitsTest {

    private final RateLimits limits = new RateLimits(new RateLimitSettings(3, 10, 50));

    @Test
    void belowEveryCapMailMayGo() {
        assertThat(limits.exceeded(0, 0, 0)).isEmpty();
        assertThat(limits.exceeded(2, 9, 49)).isEmpty();
    }

    @Test
    void aCapIsUsedUpWhenTheCountReachesIt() {
        assertThat(limits.exceeded(3, 3, 3)).hasValueSatisfying(r -> assertThat(r).contains("last hour", "limit 3"));
        assertThat(limits.exceeded(1, 10, 3)).hasValueSatisfying(r -> assertThat(r).contains("last day", "limit 10"));
        assertThat(limits.exceeded(0, 0, 50)).hasValueSatisfying(r -> assertThat(r).startsWith("global"));
    }

    @Test
    void theGlobalCapIsReportedFirst() {
        assertThat(limits.exceeded(5, 20, 60)).hasValueSatisfying(r -> assertThat(r).startsWith("global"));
    }

    @Test
    void aZeroCapStopsAllMailAndNegativeCapsAreRejected() {
        assertThat(new RateLimits(new RateLimitSettings(0, 10, 50)).exceeded(0, 0, 0)).isPresent();
        assertThatThrownBy(() -> new RateLimitSettings(-1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void policiesParseFromTheirConfigurationWords() {
        assertThat(Policy.parse("dry-run")).isEqualTo(Policy.DRY_RUN);
        assertThat(Policy.parse("notify")).isEqualTo(Policy.NOTIFY);
        assertThat(Policy.parse("reply")).isEqualTo(Policy.REPLY);
        assertThat(Policy.parse(" Notify+Reply ")).isEqualTo(Policy.NOTIFY_AND_REPLY);
        assertThat(Policy.parse("label")).isEqualTo(Policy.LABEL);
        assertThat(Policy.NOTIFY_AND_REPLY.notifiesMentors()).isTrue();
        assertThat(Policy.NOTIFY_AND_REPLY.repliesToStudents()).isTrue();
        assertThat(Policy.DRY_RUN.notifiesMentors()).isFalse();
        assertThat(Policy.LABEL.repliesToStudents()).isFalse();
    }

    @Test
    void aBadPolicyNamesTheAcceptedValues() {
        assertThatThrownBy(() -> Policy.parse("notify_and_reply")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("notify_and_reply")
                .hasMessageContaining("dry-run, notify, reply, notify+reply, label");
        assertThatThrownBy(() -> Policy.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
