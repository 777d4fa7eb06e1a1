package org.mentorbot.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentorbot.action.Policy;
import org.mentorbot.mail.SourceAddress;

class BotConfigTest {

    @TempDir
    Path dir;

    BotConfig load(String text, Map<String, String> env) throws Exception {
        Path file = Files.writeString(dir.resolve("mentorbot.properties"), text);
        return BotConfig.load(file, env);
    }

    static final String BASE = "bot.address = bot@example.org\nmailboxes = kernel\n";

    @Test
    void theShippedConfigurationLoads() throws Exception {
        BotConfig config = BotConfig.load(Path.of("config/mentorbot.properties"), Map.of());
        assertThat(config.mailboxes()).singleElement().satisfies(m -> {
            assertThat(m.policy()).isEqualTo(Policy.DRY_RUN);
            assertThat(m.source().protocol()).isEqualTo(SourceAddress.Protocol.MBOX);
            assertThat(m.source().path()).exists();
        });
    }

    @Test
    void passwordsComeFromTheEnvironmentAndNeverFromTheFile() throws Exception {
        BotConfig config = load(BASE + "mailbox.kernel.source = imaps://bot@mail.example.org/INBOX\n"
                + "mailbox.kernel.password.env = KERNEL_PW\nmailbox.kernel.idle = true\n", Map.of("KERNEL_PW", "s3cret"));
        assertThat(config.mailboxes().get(0).password()).isEqualTo("s3cret");
        assertThat(config.mailboxes().get(0).idle()).isTrue();

        assertThatThrownBy(() -> load(BASE + "mailbox.kernel.source = imaps://bot@mail.example.org/INBOX\n"
                + "mailbox.kernel.password = s3cret\n", Map.of()))
                .hasMessageContaining("mailbox.kernel.password").hasMessageContaining("environment variable")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> load(BASE + "mailbox.kernel.source = imaps://bot@mail.example.org/INBOX\n"
                + "mailbox.kernel.password.env = UNSET_VAR\n", Map.of()))
                .hasMessageContaining("UNSET_VAR is not set");
    }

    @Test
    void eachErrorNamesFileKeyAndProblem() {
        assertThatThrownBy(() -> load(BASE + "mailbox.kernel.source = mbox:x.mbox\nmailbox.kernel.schedule = every minute\n", Map.of()))
                .hasMessageStartingWith(dir.resolve("mentorbot.properties").toString())
                .hasMessageContaining("mailbox.kernel.schedule").hasMessageContaining("cron");
        assertThatThrownBy(() -> load(BASE + "mailbox.kernel.source = mbox:x.mbox\nmailbox.kernel.policy = shout\n", Map.of()))
                .hasMessageContaining("mailbox.kernel.policy").hasMessageContaining("dry-run");
        assertThatThrownBy(() -> load(BASE + "mailbox.kernel.source = mbox:x.mbox\nmailbox.kernel.idle = true\n", Map.of()))
                .hasMessageContaining("mailbox.kernel.idle").hasMessageContaining("imap");
        assertThatThrownBy(() -> load("mailboxes = kernel\nmailbox.kernel.source = mbox:x\n", Map.of()))
                .hasMessageContaining("bot.address").hasMessageContaining("missing");
        assertThatThrownBy(() -> load(BASE + "mailbox.kernel.source = imap://bot:pw@host/INBOX\n", Map.of()))
                .hasMessageContaining("mailbox.kernel.source").hasMessageNotContaining(":pw@");
    }
}
