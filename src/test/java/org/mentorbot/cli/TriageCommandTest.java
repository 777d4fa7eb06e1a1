package org.mentorbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TriageCommandTest {

    static final String MESSAGES = "src/test/resources/messages";

    @Test
    void printsOneContractObjectPerMessageInInputOrder() throws IOException {
        CliRunner.Result r = CliRunner.run("triage", MESSAGES + "/seed004-student.eml", MESSAGES + "/seed004-mentor-answer.eml");

        assertThat(r.exitCode()).isZero();
        String[] lines = r.out().strip().split("\n");
        assertThat(lines).hasSize(2);
        Map<String, Object> student = topLevel(lines[0]);
        assertThat(student).containsKeys("source", "messageId", "inquiry", "idea", "confidence", "contacts", "alternatives");
        assertThat(student.get("source")).isEqualTo(MESSAGES + "/seed004-student.eml");
        assertThat(student.get("inquiry")).isEqualTo(true);
        assertThat(lines[0]).contains("\"title\":\"Implement virtio drivers on DragonFly to speed up DragonFly as a KVM guest\"")
                .contains("\"email\":\"aoiko@cc.ece.ntua.gr\"");
        Map<String, Object> answer = topLevel(lines[1]);
        assertThat(answer.get("inquiry")).isEqualTo(false);
        assertThat(answer.get("idea")).isNull();
        assertThat((double) answer.get("confidence")).isBetween(0.0, 1.0);
    }

    @Test
    void theMentorsAnswerAloneIsNoInquiryThoughItsQuoteLostItsMarks() throws IOException {
        CliRunner.Result r = CliRunner.run("triage", MESSAGES + "/seed004-mentor-answer.eml");

        assertThat(r.exitCode()).isZero();
        Map<String, Object> answer = topLevel(r.out().strip());
        assertThat(answer.get("inquiry")).isEqualTo(false);
        assertThat(r.out()).contains("sender-is-mentor");
    }

    @Test
    void readsAPipermailMonthlyArchive() {
        CliRunner.Result r = CliRunner.run("triage", "src/test/resources/pipermail/2011-February.txt.gz");

        assertThat(r.exitCode()).isZero();
        String[] lines = r.out().strip().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains("2011-February.txt.gz#1").contains("\"inquiry\":true")
                .contains("Implement virtio drivers on DragonFly");
        assertThat(lines[1]).contains("2011-February.txt.gz#2").contains("\"inquiry\":false");
    }

    @Test
    void theShippedSampleHoldsExactlyOneInquiryAmongRealListTraffic() {
        CliRunner.Result r = CliRunner.run("triage", "config/samples/kernel-list.mbox");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out().strip().split("\n")).hasSize(24);
        assertThat(r.out().lines().filter(l -> l.contains("\"inquiry\":true")))
                .singleElement().asString().contains("aoiko@cc.ece.ntua.gr");
    }

    @Test
    void aMissingInputIsOneLineAndExitsNonZero() {
        CliRunner.Result r = CliRunner.run("triage", "no/such/file.eml");

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err().strip()).isEqualTo("mentorbot: input no/such/file.eml: no such file or directory");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aFileThatIsNotMailIsWarnedAboutAndTheRunGoesOn(@TempDir Path dir) throws IOException {
        Path junk = dir.resolve("a-junk.eml");
        Files.write(junk, new byte[] {'%', 'P', 'D', 'F', '-', '1', '.', '4', 0, 1, 2, (byte) 0xff, '\n'});
        Files.copy(Path.of(MESSAGES, "seed004-student.eml"), dir.resolve("b-student.eml"));

        CliRunner.Result r = CliRunner.run("triage", dir.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).contains("warning").contains("a-junk.eml").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out().strip().split("\n")).hasSize(1);
        assertThat(r.out()).contains("b-student.eml");
    }

    @Test
    void anEmptyCatalogIsOneLineAndExitsNonZero(@TempDir Path dir) throws IOException {
        Path empty = Files.writeString(dir.resolve("ideas.md"), "");
        CliRunner.Result r = CliRunner.run("triage", "--catalog", empty.toString(), MESSAGES + "/seed004-student.eml");

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("ideas.md");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aCatalogWithoutIdeasIsOneLineAndExitsNonZero(@TempDir Path dir) throws IOException {
        Path prose = Files.writeString(dir.resolve("notes.md"),
                "# Our notes\n\nWe have no project ideas this year. Come back later.\n", StandardCharsets.UTF_8);
        CliRunner.Result r = CliRunner.run("triage", "--catalog", prose.toString(), MESSAGES + "/seed004-student.eml");

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("notes.md").contains("no ideas");
    }

    @Test
    void aMissingCatalogIsOneLineAndExitsNonZero() {
        CliRunner.Result r = CliRunner.run("triage", "--catalog", "no/such/catalog.md", MESSAGES + "/seed004-student.eml");

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("no/such/catalog.md");
    }

    /** The top-level scalar fields of one JSON object; nested values are read as null/"object"/"array". */
    static Map<String, Object> topLevel(String line) throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        try (JsonParser p = new JsonFactory().createParser(line)) {
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (value) {
                    case VALUE_TRUE, VALUE_FALSE -> fields.put(name, p.getBooleanValue());
                    case VALUE_NUMBER_FLOAT, VALUE_NUMBER_INT -> fields.put(name, p.getDoubleValue());
                    case VALUE_STRING -> fields.put(name, p.getText());
                    case VALUE_NULL -> fields.put(name, null);
                    default -> {
                        fields.put(name, value == JsonToken.START_ARRAY ? "array" : "object");
                        p.skipChildren();
                    }
                }
            }
        }
        return fields;
    }

    @Test
    void hostileMessagesAreWarnedAboutAndEveryOtherMessageIsTriaged(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("1.eml"), org.mentorbot.mail.HostileMail.plain("<one@x>", "first"));
        Files.write(dir.resolve("2.eml"), org.mentorbot.mail.HostileMail.deepMultipart("<deep@x>", 10_000));
        Files.write(dir.resolve("3.eml"), org.mentorbot.mail.HostileMail.stackedReplies("<stacked@x>", 1_000));
        Files.write(dir.resolve("4.eml"), org.mentorbot.mail.HostileMail.plain("<four@x>", "last"));

        CliRunner.Result r = CliRunner.run("triage", dir.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.out().lines().map(l -> l.replaceAll(".*\"messageId\":\"([^\"]*)\".*", "$1")))
                .containsExactly("<one@x>", "<stacked@x>", "<four@x>");
        assertThat(r.err().lines()).singleElement().asString().contains("2.eml").contains("nested more than");
    }
}
