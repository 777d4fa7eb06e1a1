package org.mentorbot.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentorbot.action.Fixtures.BOT;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mentorbot.mail.MailMessage;

class LoopGuardTest {

    private static final Map<String, String> LIST_HEADERS = Map.of(
            "List-Id", "Developers <devel.lists.example.org>", "Precedence", "bulk",
            "List-Post", "<mailto:devel@lists.example.org>", "Sender", "devel-bounces@lists.example.org",
            "Return-Path", "<devel-bounces@lists.example.org>");

    private static MailMessage post(String from, Map<String, String> extra) {
        Map<String, String> h = new HashMap<>(LIST_HEADERS);
        h.putAll(extra);
        return Fixtures.mail("<q1@uni.example>", "Carol", from, "GSoC question", List.of(), h);
    }

    @Test
    void ordinaryListPostsWithPrecedenceBulkAndListIdAreAnswered() {
        assertThat(LoopGuard.reasonToStayQuiet(post("carol@uni.example", Map.of()), BOT)).isEmpty();
        assertThat(LoopGuard.reasonToStayQuiet(post("carol@uni.example", Map.of("Precedence", "list")), BOT)).isEmpty();
        assertThat(LoopGuard.reasonToStayQuiet(post("carol@uni.example", Map.of("Auto-Submitted", "no")), BOT))
                .isEmpty();
    }

    @Test
    void aPlainDirectMailIsAnswered() {
        MailMessage m = Fixtures.mail("<q1@uni.example>", "Carol", "carol@uni.example", "Hi", List.of(), Map.of());
        assertThat(LoopGuard.reasonToStayQuiet(m, BOT)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "Auto-Submitted           | auto-replied                       | Auto-Submitted",
            "Auto-Submitted           | auto-generated; owner-email=x@y.z  | Auto-Submitted",
            "Auto-Submitted           | Auto-Notified                      | Auto-Submitted",
            "X-Auto-Response-Suppress | OOF, AutoReply                     | X-Auto-Response-Suppress",
            "X-Autoreply              | yes                                | automatic reply",
            "X-Autorespond            | 1                                  | automatic reply",
            "Precedence               | junk                               | Precedence: junk",
            "Precedence               | auto_reply                         | Precedence: auto_reply",
            "X-Loop                   | mentorbot@lists.example.org        | X-Loop",
            "X-Loop                   | <MentorBot@Lists.Example.org>      | X-Loop",
            "Return-Path              | <>                                 | null Return-Path",
            "Return-Path              | < >                                | null Return-Path",
            "Content-Type             | multipart/report; report-type=delivery-status; boundary=x | multipart/report",
    })
    void machineMarksOnAListPostSilenceTheBot(String header, String value, String reasonPart) {
        assertThat(LoopGuard.reasonToStayQuiet(post("carol@uni.example", Map.of(header, value)), BOT))
                .hasValueSatisfying(r -> assertThat(r).contains(reasonPart));
    }

    @Test
    void anotherRobotsXLoopDoesNotSilenceTheBot() {
        assertThat(LoopGuard.reasonToStayQuiet(post("carol@uni.example",
                Map.of("X-Loop", "debian-devel@lists.debian.org")), BOT)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"bulk", "list", "Bulk"})
    void bulkPrecedenceOutsideAListSilencesTheBot(String precedence) {
        MailMessage m = Fixtures.mail("<n@shop.example>", "Shop", "news@shop.example", "Offers", List.of(),
                Map.of("Precedence", precedence));
        assertThat(LoopGuard.reasonToStayQuiet(m, BOT))
                .hasValueSatisfying(r -> assertThat(r).contains("did not come through a mailing list"));
    }

    @ParameterizedTest
    @CsvSource({
            "mentorbot@lists.example.org, the bot itself",
            "MentorBot@Lists.Example.ORG, the bot itself",
            "MAILER-DAEMON@mx.example.org, robot address",
            "postmaster@example.org, robot address",
            "noreply@github.example, robot address",
            "no-reply@service.example, robot address",
            "bounce@mailer.example, bounce address",
            "devel-bounces+carol=uni.example@lists.example.org, bounce address",
            "devel-bounces@lists.example.org, bounce address",
            "devel-owner@lists.example.org, list administration",
            "owner-devel@lists.example.org, list administration",
            "devel-request@lists.example.org, list administration",
            "majordomo@lists.example.org, robot address",
            "mailman@lists.example.org, robot address",
    })
    void robotSendersSilenceTheBot(String from, String reasonPart) {
        assertThat(LoopGuard.reasonToStayQuiet(post(from, Map.of()), BOT))
                .hasValueSatisfying(r -> assertThat(r).contains(reasonPart));
    }

    @Test
    void reasonsAreOneLineEvenForHostileHeaderValues() {
        assertThat(LoopGuard.reasonToStayQuiet(post("carol@uni.example",
                Map.of("Auto-Submitted", "auto-replied\r\nBcc: victim@example.com")), BOT))
                .hasValueSatisfying(r -> assertThat(r).doesNotContain("\r", "\n"));
    }
}
