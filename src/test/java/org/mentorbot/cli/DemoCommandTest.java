package org.mentorbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** README's first command, run as a user would: the mentor and the student each get their mail. */
class DemoCommandTest {

    @Test
    void theDemoRoutesTheSampleInquiryToItsMentorAndAnswersTheStudent() {
        CliRunner.Result r = CliRunner.run("demo", "--port", "0");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("24 fetched, 24 recorded, 1 inquiries, 2 mails queued")
                .contains("Aggelos Economopoulos <aoiko@cc.ece.ntua.gr>")
                .contains("Subject: [mentorbot] Inquiry about \"Implement virtio drivers on DragonFly")
                .contains("Stéphanie Ouillon <souillon@example.org>")
                .contains("Subject: Re: gsoc 2011 : about virtio drivers")
                .contains("5. Archived 24 messages")
                .containsPattern("\"gsoc 2011 : about virtio drivers\" from .* \\[idea: Implement virtio drivers")
                .containsPattern("web page: http://127\\.0\\.0\\.1:\\d+/");
    }
}
