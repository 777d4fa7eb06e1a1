package org.mentorbot.action;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the bot does with an inquiry it has routed. */
public enum Policy {
    /** Decide and record, send nothing: for trying the bot on a live list. */
    DRY_RUN("dry-run"),
    NOTIFY("notify"),
    REPLY("reply"),
    NOTIFY_AND_REPLY("notify+reply"),
    /** Only label (flag) the message in the mailbox; send nothing. */
    LABEL("label");

    private final String word;

    Policy(String word) {
        this.word = word;
    }

    /** The spelling used in configuration files. */
    public String word() {
        return word;
    }

    public boolean notifiesMentors() {
        return this == NOTIFY || this == NOTIFY_AND_REPLY;
    }

    public boolean repliesToStudents() {
        return this == REPLY || this == NOTIFY_AND_REPLY;
    }

    public static Policy parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (Policy p : values()) {
            if (p.word.equals(v)) return p;
        }
        throw new IllegalArgumentException("unknown policy \"" + value + "\"; accepted values: "
                + Arrays.stream(values()).map(Policy::word).collect(Collectors.joining(", ")));
    }
}
