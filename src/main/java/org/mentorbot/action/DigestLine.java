package org.mentorbot.action;

/** One row of a mentor's digest: a message routed to them, or one still unanswered. */
public record DigestLine(String date, String student, String subject, String ideaTitle, String messageId) {
}
