package org.mentorbot.triage;

/**
 * One input of the inquiry model: a name, a value (1 for a feature that is present, else in [0,1]) and
 * what made it fire, for explanations.
 */
public record Feature(String name, double value, String detail) {
}
