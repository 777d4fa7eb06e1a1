package org.mentorbot.action;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mentorbot.catalog.Idea;
import org.mentorbot.mail.MailMessage;
import org.mentorbot.store.Ledger;
import org.mentorbot.store.OutgoingMail;
import org.mentorbot.triage.Decision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which mails a triaged message deserves under a mailbox's policy, and composes them. Everything
 * that could make the bot a nuisance is checked here, before anything is recorded: robots and loops
 * ({@link LoopGuard}), one reply per sender per thread, and rate limits per mentor and overall.
 */
public final class ActionPlanner {

    private static final Logger LOG = LoggerFactory.getLogger(ActionPlanner.class);

    /** A mailbox's action settings. */
    public record Rules(Policy policy, boolean ccList, String listAddress) {
    }

    private final BotIdentity bot;
    private final MailComposer composer;
    private final Ledger ledger;
    private final RateLimits limits;
    private final Clock clock;

    public ActionPlanner(BotIdentity bot, MailComposer composer, Ledger ledger, RateLimits limits, Clock clock) {
        this.bot = bot;
        this.composer = composer;
        this.ledger = ledger;
        this.limits = limits;
        this.clock = clock;
    }

    /** The mails to record with the message (possibly none). */
    public List<OutgoingMail> plan(MailMessage message, byte[] raw, Decision decision, String thread, Rules rules) {
        if (!decision.inquiry() || decision.idea() == null) return List.of();
        if (!rules.policy().notifiesMentors() && !rules.policy().repliesToStudents()) return List.of();
        Optional<String> quiet = LoopGuard.reasonToStayQuiet(message, bot);
        if (quiet.isPresent()) {
            LOG.info("{}: no action: {}", message.messageId(), quiet.get());
            return List.of();
        }
        List<OutgoingMail> mails = new ArrayList<>();
        if (rules.policy().notifiesMentors()) {
            OutgoingMail notify = composer.notifyMentor(message, raw, decision, thread);
            if (notify != null && withinLimits(notify)) mails.add(notify);
        }
        String sender = message.from() == null ? null : message.from().email();
        if (rules.policy().repliesToStudents() && sender != null) {
            if (ledger.repliedInThread(sender, thread)) {
                LOG.info("{}: no reply: {} already had one in this thread", message.messageId(), sender);
            } else {
                OutgoingMail reply = composer.replyToStudent(message, decision, thread, rules.ccList(), rules.listAddress());
                if (reply != null && withinLimits(reply)) mails.add(reply);
            }
        }
        return mails;
    }

    private boolean withinLimits(OutgoingMail mail) {
        Instant now = clock.instant();
        Optional<String> exceeded = limits.exceeded(
                ledger.sentTo(mail.recipient(), now.minus(Duration.ofHours(1))),
                ledger.sentTo(mail.recipient(), now.minus(Duration.ofDays(1))),
                ledger.sentSince(now.minus(Duration.ofHours(1))));
        exceeded.ifPresent(reason -> LOG.warn("{} to {} not sent: {}", mail.kind(), mail.recipient(), reason));
        return exceeded.isEmpty();
    }

    /** Whether a policy tags routed messages with an IMAP keyword. */
    public static boolean labels(Policy policy) {
        return policy == Policy.LABEL || policy.notifiesMentors();
    }

    /** The IMAP keyword for an idea: an atom (no spaces, parentheses, wildcards or quotes), short. */
    public static String keyword(Idea idea) {
        String slug = idea.id().substring(idea.id().lastIndexOf('/') + 1).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9-]+", "-");
        return "mentorbot-" + (slug.length() > 40 ? slug.substring(0, 40) : slug);
    }
}
