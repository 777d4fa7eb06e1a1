package org.mentorbot.action;

/**
 * Caps on outgoing mail. A cap of 0 means no mail of that kind at all.
 *
 * @param perMentorPerHour mails to one mentor within any hour
 * @param perMentorPerDay  mails to one mentor within any 24 hours
 * @param globalPerHour    mails from the bot within any hour, to anyone
 */
public record RateLimitSettings(int perMentorPerHour, int perMentorPerDay, int globalPerHour) {

    public RateLimitSettings {
        if (perMentorPerHour < 0 || perMentorPerDay < 0 || globalPerHour < 0) {
            throw new IllegalArgumentException("rate limits must not be negative: " + perMentorPerHour + ", "
                    + perMentorPerDay + ", " + globalPerHour);
        }
    }
}
