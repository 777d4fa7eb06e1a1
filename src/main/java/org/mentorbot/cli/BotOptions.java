package org.mentorbot.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.mentorbot.schedule.Bot;
import org.mentorbot.schedule.BotConfig;
import org.mentorbot.schedule.ConfigException;
import org.mentorbot.store.LedgerException;
import picocli.CommandLine.Mixin;

/** What the bot commands share: the configuration directory and building the {@link Bot} from it. */
final class BotOptions {

    @Mixin
    Setup setup;

    BotConfig config() {
        Path file = setup.configDirectory().resolve("mentorbot.properties");
        if (!Files.exists(file)) throw new UserError(file + ": no such file (the bot's configuration)");
        try {
            return BotConfig.load(file, System.getenv());
        } catch (ConfigException e) {
            throw new UserError(e.getMessage());
        }
    }

    Bot bot(BotConfig config) {
        try {
            return new Bot(config, setup.configDirectory(), setup.mentors(), setup.settings(), Clock.systemUTC());
        } catch (ConfigException | LedgerException | IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }
}
