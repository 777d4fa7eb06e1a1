package org.mentorbot.action;

/** The built-in template texts; config/templates/ ships copies for editing (a test keeps them equal). */
final class DefaultTemplates {

    private DefaultTemplates() {
    }

    static String text(String name) {
        return switch (name) {
            case "notify" -> NOTIFY;
            case "reply" -> REPLY;
            case "digest" -> DIGEST;
            default -> throw new IllegalArgumentException("no default template " + name);
        };
    }

    static final String NOTIFY = """
            Subject: [mentorbot] Inquiry about "${idea_title}" from ${student_name}

            Hello ${mentor_names},

            ${student_name} <${student_address}> wrote to the list about a project idea
            you mentor:

              Idea:        ${idea_title}
              Idea id:     ${idea_id}
              Ideas page:  ${catalog}
              Subject:     ${subject}
              Date:        ${date}
              Message-ID:  ${message_id}
              Confidence:  ${confidence}

            Why I think so:
            ${reasons}

            Other ideas I considered:
            ${alternatives}

            The student's message is attached.

            If I got it wrong, reply to this mail with a line
              #mentorbot idea <idea-id>
            to name the right idea, or
              #mentorbot not-inquiry
            if the message is not an inquiry at all.

            --\s
            ${bot_name}
            """;

    static final String REPLY = """
            Subject: Re: ${subject}

            Hello ${student_name},

            thank you for your interest in the project idea "${idea_title}"
            (${catalog}). Its mentors are ${mentor_names}; they are copied on
            this mail and will answer you when they can. Please keep the
            discussion on this thread.

            --\s
            ${bot_name}, an automated assistant of this list
            """;

    static final String DIGEST = """
            Subject: [mentorbot] Digest for ${mentor_name}: ${routed_count} routed, ${unanswered_count} unanswered

            Hello ${mentor_name},

            Inquiries routed to you:
            ${routed}

            Inquiries still waiting for an answer:
            ${unanswered}

            --\s
            ${bot_name}
            """;
}
