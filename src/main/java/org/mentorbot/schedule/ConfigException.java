package org.mentorbot.schedule;

/** A configuration problem: the message names the file, the key and the problem. */
public class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }
}
