package org.mentorbot.schedule;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.mentorbot.action.BotIdentity;
import org.mentorbot.action.Policy;
import org.mentorbot.action.RateLimitSettings;
import org.mentorbot.action.SmtpSettings;
import org.mentorbot.mail.SourceAddress;
import org.quartz.CronExpression;

/**
 * The bot's configuration file ({@code config/mentorbot.properties}): its identity, where it sends mail,
 * where its ledger lives, and the mailboxes it watches. Secrets are never in this file: a key ending in
 * {@code password.env} names an environment variable, {@code password.file} a file outside the repository.
 * Every error names the file, the key and the problem.
 *
 * @param copyMailbox the watched IMAP mailbox of the bot's own address, or null: with one, every mail also
 *                    goes to the bot, so that after a crash the ledger can tell sent mail from lost mail
 * @param copyGrace   how long a copy may take to arrive before a mail in doubt counts as lost
 * @param archiveDirectory the searchable archive every polled message goes into, or null for none
 */
public record BotConfig(BotIdentity bot, SmtpSettings smtp, Path ledgerDirectory, Duration backlogAge, Duration timeout,
                        RateLimitSettings rateLimits, String digestSchedule, int healthPort, List<MailboxConfig> mailboxes,
                        String copyMailbox, Duration copyGrace, Path archiveDirectory) {

    public BotConfig {
        mailboxes = List.copyOf(mailboxes);
    }

    public static BotConfig load(Path file, Map<String, String> environment) throws ConfigException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read (" + e.getMessage() + ")");
        }
        return new FileReading(file, p, environment).config();
    }

    public MailboxConfig mailbox(String name) throws ConfigException {
        return mailboxes.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new ConfigException("no mailbox '" + name + "' (configured: "
                        + String.join(", ", mailboxes.stream().map(MailboxConfig::name).toList()) + ")"));
    }

    /** The file being read, so that each problem can name file and key. */
    private record FileReading(Path file, Properties p, Map<String, String> env) {

        BotConfig config() throws ConfigException {
            for (String key : p.stringPropertyNames()) {
                if (key.endsWith("password") || key.endsWith("secret")) {
                    throw error(key, "secrets do not belong in the configuration file: use " + key + ".env (an environment variable) or "
                            + key + ".file (a file outside the repository)");
                }
            }
            Path base = file.toAbsolutePath().getParent();
            BotIdentity bot = new BotIdentity(required("bot.address"), get("bot.name", "mentorbot"),
                    get("bot.loop-tag", required("bot.address")));
            SmtpSettings smtp = new SmtpSettings(get("smtp.host", "localhost"), integer("smtp.port", 25),
                    bool("smtp.ssl", false), bool("smtp.starttls", false), get("smtp.user", null), secret("smtp.password"),
                    (int) duration("timeout", Duration.ofSeconds(30)).toMillis(),
                    (int) duration("timeout", Duration.ofSeconds(30)).toMillis());
            RateLimitSettings limits = new RateLimitSettings(integer("rate.per-mentor-per-hour", 10),
                    integer("rate.per-mentor-per-day", 40), integer("rate.global-per-hour", 60));
            List<MailboxConfig> mailboxes = new ArrayList<>();
            for (String name : get("mailboxes", "").split("[,\\s]+")) {
                if (!name.isBlank()) mailboxes.add(mailbox(name.trim(), base));
            }
            if (mailboxes.isEmpty()) throw error("mailboxes", "names no mailbox to watch");
            String copies = get("bot.copy-mailbox", null);
            if (copies != null && mailboxes.stream().noneMatch(m -> m.name().equals(copies)
                    && (m.source().protocol() == SourceAddress.Protocol.IMAP || m.source().protocol() == SourceAddress.Protocol.IMAPS))) {
                throw error("bot.copy-mailbox", "'" + copies + "' is not one of the watched IMAP mailboxes");
            }
            return new BotConfig(bot, smtp, resolve(base, get("ledger.dir", "../index/ledger")),
                    duration("backlog.max-age", Duration.ofDays(2)), duration("timeout", Duration.ofSeconds(30)), limits,
                    cron("digest.schedule", "0 0 8 * * ?"), integer("health.port", 0), mailboxes, copies,
                    duration("bot.copy-grace", Duration.ofMinutes(10)), archive(base));
        }

        /** "archive.dir = none" turns the archive off; a bot with no archive leaves mentors nothing to search. */
        private Path archive(Path base) {
            String dir = get("archive.dir", "../index/archive");
            return dir.equalsIgnoreCase("none") ? null : resolve(base, dir);
        }

        private MailboxConfig mailbox(String name, Path base) throws ConfigException {
            String prefix = "mailbox." + name + ".";
            String sourceKey = prefix + "source";
            SourceAddress source;
            try {
                source = SourceAddress.parse(required(sourceKey));
            } catch (IllegalArgumentException e) {
                throw error(sourceKey, e.getMessage());
            }
            if (!source.protocol().remote()) source = new SourceAddress(source.protocol(), null, 0, null, null, resolve(base, source.path().toString()));
            String password = source.protocol().remote() ? secret(prefix + "password") : null;
            if (source.protocol().remote() && password == null) {
                throw error(prefix + "password.env", "a remote mailbox needs a password (" + prefix + "password.env or " + prefix + "password.file)");
            }
            List<Path> catalogs = new ArrayList<>();
            for (String c : get(prefix + "catalogs", "catalogs").split(",")) catalogs.add(resolve(base, c.trim()));
            Policy policy;
            try {
                policy = Policy.parse(get(prefix + "policy", "dry-run"));
            } catch (IllegalArgumentException e) {
                throw error(prefix + "policy", e.getMessage());
            }
            boolean idle = bool(prefix + "idle", false);
            if (idle && source.protocol() != SourceAddress.Protocol.IMAP && source.protocol() != SourceAddress.Protocol.IMAPS) {
                throw error(prefix + "idle", "IMAP IDLE needs an imap:// or imaps:// source");
            }
            return new MailboxConfig(name, source, password, cron(prefix + "schedule", "0 */5 * * * ?"), catalogs, policy,
                    get(prefix + "list-address", null), bool(prefix + "cc-list", false), idle);
        }

        private String secret(String key) throws ConfigException {
            String variable = get(key + ".env", null);
            if (variable != null) {
                String value = env.get(variable);
                if (value == null) throw error(key + ".env", "environment variable " + variable + " is not set");
                return value;
            }
            String path = get(key + ".file", null);
            if (path == null) return null;
            try {
                return Files.readString(Path.of(path), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw error(key + ".file", "cannot read " + path);
            }
        }

        private String required(String key) throws ConfigException {
            String value = get(key, null);
            if (value == null || value.isBlank()) throw error(key, "is missing");
            return value;
        }

        private String get(String key, String fallback) {
            String value = p.getProperty(key);
            return value == null || value.isBlank() ? fallback : value.trim();
        }

        private int integer(String key, int fallback) throws ConfigException {
            String value = get(key, null);
            if (value == null) return fallback;
            try {
                int n = Integer.parseInt(value);
                if (n < 0) throw new NumberFormatException();
                return n;
            } catch (NumberFormatException e) {
                throw error(key, "must be a whole number ≥ 0, not '" + value + "'");
            }
        }

        private boolean bool(String key, boolean fallback) throws ConfigException {
            String value = get(key, null);
            if (value == null) return fallback;
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) return Boolean.parseBoolean(value);
            throw error(key, "must be true or false, not '" + value + "'");
        }

        private Duration duration(String key, Duration fallback) throws ConfigException {
            String value = get(key, null);
            if (value == null) return fallback;
            try {
                return Duration.parse(value);
            } catch (DateTimeParseException e) {
                throw error(key, "must be an ISO-8601 duration such as PT30S or P2D, not '" + value + "'");
            }
        }

        private String cron(String key, String fallback) throws ConfigException {
            String value = get(key, fallback);
            if (!CronExpression.isValidExpression(value)) {
                throw error(key, "'" + value + "' is not a Quartz cron expression (seconds minutes hours day month weekday)");
            }
            return value;
        }

        private static Path resolve(Path base, String path) {
            Path p = Path.of(path);
            return p.isAbsolute() ? p : base.resolve(p).normalize();
        }

        private ConfigException error(String key, String problem) {
            return new ConfigException(file + ": " + key + ": " + problem);
        }
    }
}
