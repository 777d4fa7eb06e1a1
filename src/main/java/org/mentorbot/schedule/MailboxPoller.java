package org.mentorbot.schedule;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mentorbot.action.ActionPlanner;
import org.mentorbot.action.MentorCommand;
import org.mentorbot.action.Outbox;
import org.mentorbot.archive.Archive;
import org.mentorbot.archive.Triaged;
import org.mentorbot.mail.FetchedMessage;
import org.mentorbot.mail.HeaderScan;
import org.mentorbot.mail.ImapMailbox;
import org.mentorbot.mail.MailInput;
import org.mentorbot.mail.MailInputException;
import org.mentorbot.mail.MailMessage;
import org.mentorbot.mail.MailParseException;
import org.mentorbot.mail.MailParser;
import org.mentorbot.mail.MailSourceException;
import org.mentorbot.mail.MessageText;
import org.mentorbot.mail.Pop3Mailbox;
import org.mentorbot.mail.RawMessage;
import org.mentorbot.mail.SourceAddress;
import org.mentorbot.mail.TextNormalizer;
import org.mentorbot.store.Correction;
import org.mentorbot.store.ImapCursor;
import org.mentorbot.store.Ledger;
import org.mentorbot.store.LedgerException;
import org.mentorbot.store.MessageRecord;
import org.mentorbot.store.OutgoingMail;
import org.mentorbot.store.UnreadableRecord;
import org.mentorbot.triage.Decision;
import org.mentorbot.triage.DecisionJson;
import org.mentorbot.triage.Triage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One mailbox's poll, start to end: fetch what is new, triage it, record decision and intended mails in
 * the ledger in one transaction (a message already recorded is skipped, whatever its UID), then hand the
 * outbox to the sender. The ledger, not the mailbox, says what was handled, which is what makes a crash at
 * any point, a restart, a UIDVALIDITY reset or a re-delivery harmless.
 *
 * <p>Every message also goes into the archive, committed before the mailbox's cursor moves: a message the
 * ledger knows but a crash kept out of the archive is fetched again and archived then.
 */
public final class MailboxPoller {

    private static final Logger LOG = LoggerFactory.getLogger(MailboxPoller.class);
    private static final int MAX_PER_POLL = 2000;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(30);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** What one poll did. */
    public record PollResult(int fetched, int recorded, int duplicates, int unreadable, int inquiries, int mailsPlanned) {
    }

    private final MailboxConfig config;
    private final Ledger ledger;
    private final Archive archive;
    private final Triage triage;
    private final ActionPlanner planner;
    private final Outbox outbox;
    private final Duration timeout;
    private final Duration backlogAge;
    private final Clock clock;
    private int failures;
    private Instant nextAttempt = Instant.MIN;

    /** @param archive where every message is archived; null for none */
    public MailboxPoller(MailboxConfig config, Ledger ledger, Archive archive, Triage triage, ActionPlanner planner,
                         Outbox outbox, Duration timeout, Duration backlogAge, Clock clock) {
        this.config = config;
        this.ledger = ledger;
        this.archive = archive;
        this.triage = triage;
        this.planner = planner;
        this.outbox = outbox;
        this.timeout = timeout;
        this.backlogAge = backlogAge;
        this.clock = clock;
    }

    public String name() {
        return config.name();
    }

    /**
     * The scheduled entry point: polls unless a transient failure asked to wait, and backs off
     * exponentially (30 s, 1 min, 2 min … 30 min) while the server keeps failing, logging the start and
     * the end of an outage once each instead of every attempt.
     */
    public void pollWithBackoff() {
        Instant now = clock.instant();
        if (now.isBefore(nextAttempt)) return;
        try {
            PollResult result = poll();
            if (failures > 0) LOG.info("{}: mailbox reachable again after {} failed polls", config.name(), failures);
            failures = 0;
            if (result.recorded() > 0) LOG.info("{}: {}", config.name(), result);
        } catch (MailSourceException e) {
            ledger.recordPoll(config.name(), now, 0, 0, e.getMessage());
            if (!e.isTransient()) {
                LOG.error("{}: {} (will retry on schedule)", config.name(), e.getMessage());
                return;
            }
            if (failures == 0) LOG.warn("{}: {} (retrying with backoff)", config.name(), e.getMessage());
            failures++;
            long seconds = Math.min(MAX_BACKOFF.toSeconds(), 30L << Math.min(failures - 1, 10));
            nextAttempt = now.plusSeconds(seconds);
        } catch (RuntimeException e) {
            LOG.error("{}: poll failed: {}", config.name(), e.toString());
            try {
                ledger.recordPoll(config.name(), now, 0, 0, "poll failed: " + e.getMessage());
            } catch (RuntimeException recording) {
                LOG.error("{}: cannot record the failed poll: {}", config.name(), recording.getMessage());
            }
        }
    }

    /** Polls once, now. */
    public PollResult poll() throws MailSourceException {
        Counts counts = new Counts();
        SourceAddress source = config.source();
        switch (source.protocol()) {
            case IMAP, IMAPS -> pollImap(counts);
            case POP3, POP3S -> pollPop3(counts);
            case MBOX, MAILDIR -> pollLocal(counts);
        }
        PollResult result = counts.result();
        ledger.recordPoll(config.name(), clock.instant(), result.fetched(), result.recorded(), null);
        if (outbox != null) outbox.flush();
        return result;
    }

    private void pollImap(Counts counts) throws MailSourceException {
        Optional<ImapCursor> cursor = ledger.imapCursor(config.name(), config.source().folder());
        boolean firstPoll = cursor.isEmpty();
        try (ImapMailbox mailbox = new ImapMailbox(config.source(), config.password(), timeout)) {
            ImapMailbox.Batch batch = mailbox.fetchAfter(cursor.map(ImapCursor::uidValidity).orElse(null),
                    cursor.map(ImapCursor::lastUid).orElse(0L), MAX_PER_POLL, m -> handle(m, firstPoll, counts));
            if (batch.reset()) LOG.warn("{}: UIDVALIDITY changed, folder read again", config.name());
            commitArchive();
            ledger.saveImapCursor(config.name(), config.source().folder(), new ImapCursor(batch.uidValidity(), batch.highestUid()));
            for (Labelled l : counts.labels) {
                try {
                    mailbox.addKeyword(batch.uidValidity(), l.uid(), l.keyword());
                } catch (MailSourceException e) {
                    LOG.warn("{}: {}", config.name(), e.getMessage()); // a missing label is cosmetic
                }
            }
        }
    }

    private void pollPop3(Counts counts) throws MailSourceException {
        boolean firstPoll = ledger.status(config.name()).lastPoll() == null;
        try (Pop3Mailbox mailbox = new Pop3Mailbox(config.source(), config.password(), timeout)) {
            List<String> seen = new java.util.ArrayList<>();
            mailbox.fetchUnseen(uidl -> ledger.uidlSeen(config.name(), uidl), MAX_PER_POLL, m -> {
                handle(m, firstPoll, counts);
                seen.add(m.uidl());
            });
            commitArchive();
            for (String uidl : seen) ledger.markUidlSeen(config.name(), uidl);
        }
    }

    private void pollLocal(Counts counts) throws MailSourceException {
        boolean firstPoll = ledger.status(config.name()).lastPoll() == null;
        long[] position = {0};
        try {
            MailInput.read(List.of(config.source().path()),
                    raw -> handle(new FetchedMessage(raw, ++position[0], null), firstPoll, counts),
                    warning -> LOG.warn("{}: {}", config.name(), warning));
        } catch (MailInputException e) {
            throw new MailSourceException(e.getMessage(), true, e);
        }
        commitArchive();
    }

    private void commitArchive() throws MailSourceException {
        if (archive == null) return;
        try {
            archive.commit();
        } catch (IOException e) {
            // Not transient-looking, but retrying is right: the cursor has not moved, so nothing is lost.
            throw new MailSourceException("archive " + archive.directory() + ": commit failed (" + e.getMessage() + ")", true, e);
        }
    }

    /** The decision again, for archiving a message the ledger already knows; null when triage fails on it. */
    private Decision triageQuietly(MailMessage message, MessageText text) {
        try {
            return triage.triage(message, text);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warn("{}: {}: cannot triage ({}); archived without a decision", config.name(), message.source(), e.toString());
            return null;
        }
    }

    private void archive(RawMessage raw, MailMessage message, MessageText text, Decision decision) {
        try {
            archive.add(raw, message, text, decision, config.name());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("archive " + archive.directory() + ": " + e.getMessage(), e);
        }
    }

    private void handle(FetchedMessage fetched, boolean firstPoll, Counts counts) {
        counts.fetched++;
        RawMessage raw = fetched.raw();
        MailMessage message;
        try {
            message = MailParser.parse(raw);
        } catch (MailParseException e) {
            unreadable(fetched, e.getMessage(), counts);
            return;
        }
        if (ledger.knows(message.messageId())) {
            counts.duplicates++;
            if (archive != null && !archive.contains(message.messageId())) {
                MessageText text = TextNormalizer.normalize(message.body());
                archive(raw, message, text, triageQuietly(message, text)); // decided before a crash; no action now
            }
            return;
        }
        MessageText text;
        Decision decision;
        String thread;
        Instant now = clock.instant();
        boolean backlog;
        List<OutgoingMail> mails;
        try {
            text = TextNormalizer.normalize(message.body());
            MentorCommand.find(text.own()).ifPresent(command -> correct(message, command));
            decision = triage.triage(message, text);
            thread = triage.threadOf(message.messageId());
            backlog = firstPoll || isOld(message, now);
            mails = backlog || planner == null ? List.of()
                    : planner.plan(message, raw.bytes(), decision, thread,
                            new ActionPlanner.Rules(config.policy(), config.ccList(), config.listAddress()));
        } catch (LedgerException e) {
            throw e; // the ledger failed, not the message: the poll fails and the cursor stays
        } catch (RuntimeException | StackOverflowError e) {
            unreadable(fetched, raw.source() + ": cannot triage (" + e + ")", counts);
            return;
        }
        MessageRecord record = new MessageRecord(message.messageId(), config.name(), config.source().folder(), fetched.uid(),
                thread, message.from() == null ? null : message.from().email(), message.subject(), message.date(),
                decision.inquiry(), decision.idea() == null ? null : decision.idea().id(),
                decision.idea() == null ? null : decision.idea().title(), decision.confidence(), backlog,
                decision.traits().inquiry(), decision.traits().report(), decision.traits().patch(), decision.traits().programme(),
                decision.traits().answer(),
                DecisionJson.line(decision), now);
        if (!ledger.record(record, mails)) {
            counts.duplicates++;
            return;
        }
        counts.recorded++;
        if (archive != null) archive(raw, message, text, decision);
        if (decision.inquiry()) counts.inquiries++;
        counts.mailsPlanned += mails.size();
        if (decision.idea() != null && !backlog && ActionPlanner.labels(config.policy()) && fetched.uid() > 0) {
            counts.labels.add(new Labelled(fetched.uid(), ActionPlanner.keyword(decision.idea())));
        }
    }

    /**
     * A message that cannot be parsed or triaged is recorded with its raw bytes and the reason, in the ledger
     * and the archive, and the poll goes on: the cursor then moves past it, so one hostile message can never
     * keep the rest of the list from being read. Seen again (a local mailbox is re-read each poll), it is a
     * duplicate.
     */
    private void unreadable(FetchedMessage fetched, String reason, Counts counts) {
        RawMessage raw = fetched.raw();
        String id = HeaderScan.idOf(raw.bytes());
        if (!ledger.recordUnreadable(new UnreadableRecord(id, config.name(), config.source().folder(), fetched.uid(),
                reason, raw.bytes(), clock.instant()))) {
            counts.duplicates++;
            return;
        }
        counts.unreadable++;
        LOG.warn("{}: recorded as unreadable: {}", config.name(), reason);
        if (archive == null) return;
        try {
            archive.addUnreadable(raw, id, reason, config.name());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("archive " + archive.directory() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A mentor's "#mentorbot ..." line, in an answer to a notification or in an inquiry's thread, corrects
     * the decision on that inquiry; triage learns from it at once. Lines from anyone but a listed mentor
     * are ignored: students must not be able to re-route themselves.
     */
    private void correct(MailMessage message, MentorCommand command) {
        if (!triage.isMentor(message)) {
            // Notifications themselves carry the command's syntax: no need to log every one.
            LOG.debug("{}: ignored a #mentorbot line from {}, who is no listed mentor", config.name(), message.from());
            return;
        }
        List<String> refs = new java.util.ArrayList<>();
        if (message.inReplyTo() != null) refs.add(message.inReplyTo());
        for (int i = message.references().size() - 1; i >= 0; i--) refs.add(message.references().get(i));
        for (String ref : refs) {
            String target = ledger.outgoing(ref).map(e -> e.mail().inquiryMessageId())
                    .or(() -> ledger.message(ref).filter(MessageRecord::inquiry).map(MessageRecord::messageId))
                    .orElse(null);
            if (target == null) continue;
            ledger.recordCorrection(new Correction(target, message.from().email(), command.ideaId(), command.notInquiry(),
                    clock.instant()));
            if (archive != null) {
                Triaged corrected = command.notInquiry() ? Triaged.NONE
                        : triage.idea(command.ideaId()).map(Triaged::inquiryAbout).orElse(null);
                if (corrected != null) archive.correct(target, corrected);
            }
            LOG.info("{}: {} corrected {}: {}", config.name(), message.from().email(), target,
                    command.notInquiry() ? "not an inquiry" : "idea " + command.ideaId());
            CorrectionLearning.apply(ledger, triage);
            return;
        }
        LOG.info("{}: a #mentorbot line from {} answers no known inquiry or notification", config.name(), message.from());
    }

    /**
     * Backlog safety: mail older than the bot's first start, or older than the backlog age, is recorded
     * but never acted on, so a first poll or a poll after a long outage does not answer old threads.
     */
    private boolean isOld(MailMessage message, Instant now) {
        Instant date = message.date() == null ? now : message.date();
        // Date headers have whole seconds and senders' clocks drift: allow a few minutes before the first start.
        Instant cutoff = ledger.firstStart().minus(CLOCK_SKEW);
        Instant ageLimit = now.minus(backlogAge);
        if (ageLimit.isAfter(cutoff)) cutoff = ageLimit;
        return date.isBefore(cutoff);
    }

    private record Labelled(long uid, String keyword) {
    }

    private static final class Counts {
        int fetched;
        int recorded;
        int duplicates;
        int unreadable;
        int inquiries;
        int mailsPlanned;
        final List<Labelled> labels = new java.util.ArrayList<>();

        PollResult result() {
            return new PollResult(fetched, recorded, duplicates, unreadable, inquiries, mailsPlanned);
        }
    }
}
