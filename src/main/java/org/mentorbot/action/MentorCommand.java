package org.mentorbot.action;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mentor's one-line correction, written in an answer to a notification (or in the inquiry's thread):
 * {@code #mentorbot idea <idea-id>} re-routes the inquiry, {@code #mentorbot not-inquiry} dismisses it.
 * Only the author's own (unquoted) text is searched, so quoting a notification never issues a command.
 *
 * @param ideaId     the idea to route to, or null for a dismissal
 * @param notInquiry the message was no inquiry at all
 */
public record MentorCommand(String ideaId, boolean notInquiry) {

    private static final Pattern LINE = Pattern.compile(
            "(?im)^[ \\t]*#mentorbot[ \\t]+(?:idea[ \\t]+(\\S{1,200})|(not[- ]?(?:an[ \\t]+)?inquiry))[ \\t]*$");

    public static Optional<MentorCommand> find(String ownText) {
        Matcher m = LINE.matcher(ownText);
        if (!m.find()) return Optional.empty();
        return Optional.of(m.group(1) != null ? new MentorCommand(m.group(1), false) : new MentorCommand(null, true));
    }
}
