package org.mentorbot.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.store.LockObtainFailedException;
import org.mentorbot.action.ActionPlanner;
import org.mentorbot.action.MailComposer;
import org.mentorbot.action.Outbox;
import org.mentorbot.action.RateLimits;
import org.mentorbot.action.SmtpSender;
import org.mentorbot.action.Templates;
import org.mentorbot.catalog.Catalog;
import org.mentorbot.catalog.CatalogException;
import org.mentorbot.catalog.CatalogReader;
import org.mentorbot.catalog.MentorDirectory;
import org.mentorbot.archive.Archive;
import org.mentorbot.mail.ImapMailbox;
import org.mentorbot.store.Ledger;
import org.mentorbot.triage.InquiryModel;
import org.mentorbot.triage.ThreadContext;
import org.mentorbot.triage.Triage;
import org.mentorbot.triage.TriageSettings;
import org.slf4j.LoggerFactory;

/**
 * The running bot, wired by hand from its configuration: one ledger, one outbox and SMTP sender, and a
 * poller per mailbox, each with its own catalogs and triage. Reading this constructor tells what talks to
 * what.
 */
public final class Bot implements AutoCloseable {

    private final BotConfig config;
    private final Ledger ledger;
    private final Archive archive; // null when the configuration turns it off
    private final SmtpSender sender;
    private final Outbox outbox;
    private final Digests digests;
    private final Map<String, MailboxPoller> pollers = new LinkedHashMap<>();

    public Bot(BotConfig config, Path configDirectory, MentorDirectory mentors, TriageSettings settings, Clock clock)
            throws ConfigException {
        this.config = config;
        Path templatesDir = configDirectory.resolve("templates");
        Templates templates = Files.isDirectory(templatesDir) ? Templates.load(templatesDir) : Templates.defaults();
        CatalogReader catalogs = new CatalogReader(mentors);
        InquiryModel model;
        try {
            model = InquiryModel.of(configDirectory);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        Map<String, List<Catalog>> catalogsOf = new LinkedHashMap<>();
        for (MailboxConfig mailbox : config.mailboxes()) {
            try {
                catalogsOf.put(mailbox.name(), catalogs.readAll(mailbox.catalogs()));
            } catch (CatalogException e) {
                throw new ConfigException("mailbox " + mailbox.name() + ": " + e.getMessage());
            }
        }
        this.ledger = Ledger.open(config.ledgerDirectory());
        Map<String, Triage> triages = new LinkedHashMap<>();
        for (MailboxConfig mailbox : config.mailboxes()) {
            ThreadContext context = new ThreadContext();
            Triage triage = new Triage(catalogsOf.get(mailbox.name()), settings, model, context);
            TriageHistory.restore(ledger, mailbox.name(), triage, context, clock.instant());
            triages.put(mailbox.name(), triage);
        }
        this.archive = openArchive(config.archiveDirectory());
        this.sender = new SmtpSender(config.smtp());
        this.outbox = copyMailbox(config) == null ? new Outbox(ledger, sender)
                : new Outbox(ledger, sender, config.bot().address(), copies(copyMailbox(config), config), config.copyGrace(), clock);
        MailComposer composer = new MailComposer(config.bot(), templates);
        ActionPlanner planner = new ActionPlanner(config.bot(), composer, ledger, new RateLimits(config.rateLimits()), clock);
        this.digests = new Digests(ledger, composer, outbox, clock);
        for (MailboxConfig mailbox : config.mailboxes()) {
            CorrectionLearning.apply(ledger, triages.get(mailbox.name()));
            pollers.put(mailbox.name(), new MailboxPoller(mailbox, ledger, archive, triages.get(mailbox.name()),
                    planner, outbox, config.timeout(), config.backlogAge(), clock));
        }
    }

    private Archive openArchive(Path dir) throws ConfigException {
        if (dir == null) return null;
        try {
            return Archive.open(dir, Archive.SMALL_BUFFER_MB);
        } catch (IOException e) {
            ledger.close();
            throw new ConfigException("archive " + dir + ": " + (e instanceof LockObtainFailedException
                    ? "in use by another process (an import, or another mentorbot)" : "cannot open (" + e.getMessage() + ")"));
        }
    }

    private static MailboxConfig copyMailbox(BotConfig config) {
        return config.copyMailbox() == null ? null
                : config.mailboxes().stream().filter(m -> m.name().equals(config.copyMailbox())).findFirst().orElseThrow();
    }

    /** Looks for the bot's copy of a sent mail in its own IMAP mailbox. */
    private static Outbox.SentCopies copies(MailboxConfig mailbox, BotConfig config) {
        return messageId -> {
            try (ImapMailbox imap = new ImapMailbox(mailbox.source(), mailbox.password(), config.timeout())) {
                return imap.holds(messageId);
            }
        };
    }

    public BotConfig config() {
        return config;
    }

    public Ledger ledger() {
        return ledger;
    }

    /** The archive the pollers write, or null when the configuration has none. */
    public Archive archive() {
        return archive;
    }

    public Outbox outbox() {
        return outbox;
    }

    public Digests digests() {
        return digests;
    }

    public Map<String, MailboxPoller> pollers() {
        return pollers;
    }

    @Override
    public void close() {
        sender.close();
        try {
            if (archive != null) archive.close(); // every poll committed what it archived
        } catch (IOException e) {
            LoggerFactory.getLogger(Bot.class).warn("archive {}: closing failed: {}", archive.directory(), e.getMessage());
        }
        ledger.close();
    }
}
