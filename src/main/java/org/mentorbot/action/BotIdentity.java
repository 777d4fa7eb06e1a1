package org.mentorbot.action;

import java.util.Locale;

/**
 * Who the bot is on the wire.
 *
 * @param address its own From address; also the domain of the Message-IDs it mints
 * @param name    the display name in From
 * @param loopTag the value of its X-Loop header, by which it recognises its own mail coming back
 */
public record BotIdentity(String address, String name, String loopTag) {

    public BotIdentity {
        if (address == null || !Mailboxes.isPlainAddress(address)) {
            throw new IllegalArgumentException("bot address is not a plain e-mail address: " + address);
        }
        address = address.toLowerCase(Locale.ROOT);
        name = name == null || name.isBlank() ? "mentorbot" : HeaderText.singleLine(name, 80);
        loopTag = loopTag == null || loopTag.isBlank() ? address : HeaderText.singleLine(loopTag, 200);
        // X-Loop is compared byte for byte by other robots; it must not need any encoding.
        if (!loopTag.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("loop tag must be visible ASCII without spaces: " + loopTag);
        }
    }

    /** The part after '@': Message-IDs are minted under it, so they are unique to this bot's domain. */
    public String domain() {
        return address.substring(address.lastIndexOf('@') + 1);
    }
}
