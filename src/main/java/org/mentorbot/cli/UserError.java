package org.mentorbot.cli;

/** A mistake in what the user gave us (a path, a file, a setting): reported as one line, exit code 2. */
final class UserError extends RuntimeException {
    UserError(String message) {
        super(message);
    }
}
