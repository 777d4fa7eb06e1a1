package org.mentorbot.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplatesTest {

    private static Map<String, String> replyValues() {
        Map<String, String> v = new HashMap<>();
        v.put("bot_name", "Mentor Bot");
        v.put("idea_title", "Rewrite the pager in C");
        v.put("idea_id", "ideas/pager");
        v.put("catalog", "ideas-2024.md");
        v.put("student_name", "Carol");
        v.put("subject", "Pager question ${mentor_names}");
        v.put("mentor_names", "Alice");
        return v;
    }

    @Test
    void defaultsRenderSubjectAndBodyWithValuesInsertedVerbatim() {
        Templates.Rendered r = Templates.defaults().render("reply", replyValues());
        assertThat(r.subject()).isEqualTo("Re: Pager question ${mentor_names}");
        assertThat(r.body()).startsWith("Hello Carol,\n").contains("\"Rewrite the pager in C\"")
                .contains("Its mentors are Alice;").doesNotContain("${");
    }

    @Test
    void theShippedConfigFilesAreTheDefaults() {
        Path dir = Path.of("config/templates");
        Map<String, String> v = replyValues();
        assertThat(Templates.load(dir).render("reply", v)).isEqualTo(Templates.defaults().render("reply", v));
        for (String name : Templates.NAMES) {
            assertThat(dir.resolve(name + ".txt")).hasContent(DefaultTemplates.text(name));
        }
    }

    @Test
    void loadsEditedTemplatesFromADirectory(@TempDir Path dir) throws Exception {
        writeDefaults(dir);
        Files.writeString(dir.resolve("reply.txt"), "Subject: About ${idea_title}\r\n\r\nHi ${student_name}!\r\n");
        Templates.Rendered r = Templates.load(dir).render("reply", replyValues());
        assertThat(r.subject()).isEqualTo("About Rewrite the pager in C");
        assertThat(r.body()).isEqualTo("Hi Carol!\n");
    }

    @Test
    void aMissingTemplateFileIsNamed(@TempDir Path dir) throws Exception {
        writeDefaults(dir);
        Files.delete(dir.resolve("digest.txt"));
        assertThatThrownBy(() -> Templates.load(dir)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("digest.txt").hasMessageContaining("missing");
    }

    @Test
    void anUnknownPlaceholderNamesTheTemplateAndThePlaceholder(@TempDir Path dir) throws Exception {
        writeDefaults(dir);
        Files.writeString(dir.resolve("notify.txt"), "Subject: x\n\nDear ${mentor_nmaes},\n");
        assertThatThrownBy(() -> Templates.load(dir)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("notify.txt").hasMessageContaining("${mentor_nmaes}");
    }

    @Test
    void aTemplateWithoutSubjectLineIsRejected(@TempDir Path dir) throws Exception {
        writeDefaults(dir);
        Files.writeString(dir.resolve("reply.txt"), "Hello ${student_name}\n");
        assertThatThrownBy(() -> Templates.load(dir)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("reply.txt").hasMessageContaining("Subject:");
    }

    @Test
    void aMissingValueIsAnErrorNamingThePlaceholder() {
        Map<String, String> v = replyValues();
        v.remove("catalog");
        assertThatThrownBy(() -> Templates.defaults().render("reply", v)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("reply.txt").hasMessageContaining("${catalog}");
    }

    private static void writeDefaults(Path dir) throws Exception {
        for (String name : Templates.NAMES) Files.writeString(dir.resolve(name + ".txt"), DefaultTemplates.text(name));
    }
}
