package org.mentorbot.action;

import java.util.Optional;

/**
 * Whether one more mail may go out. Pure: the caller counts what the ledger says was sent, so the decision
 * is testable and the same after a restart.
 */
public final class RateLimits {

    private final RateLimitSettings settings;

    public RateLimits(RateLimitSettings settings) {
        this.settings = settings;
    }

    public RateLimitSettings settings() {
        return settings;
    }

    /**
     * Why one more mail to this mentor must wait, or empty when it may go. The counts are of mails already
     * sent, so a count equal to its cap means the cap is used up. The global cap is checked first: when the
     * bot as a whole is throttled, that is the reason worth reporting.
     */
    public Optional<String> exceeded(int sentToMentorLastHour, int sentToMentorLastDay, int sentGlobalLastHour) {
        if (sentGlobalLastHour >= settings.globalPerHour()) {
            return Optional.of("global limit reached: " + sentGlobalLastHour + " mails in the last hour (limit "
                    + settings.globalPerHour() + " per hour)");
        }
        if (sentToMentorLastHour >= settings.perMentorPerHour()) {
            return Optional.of("mentor limit reached: " + sentToMentorLastHour + " mails in the last hour (limit "
                    + settings.perMentorPerHour() + " per hour)");
        }
        if (sentToMentorLastDay >= settings.perMentorPerDay()) {
            return Optional.of("mentor limit reached: " + sentToMentorLastDay + " mails in the last day (limit "
                    + settings.perMentorPerDay() + " per day)");
        }
        return Optional.empty();
    }
}
