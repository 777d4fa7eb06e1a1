package org.mentorbot.schedule;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mentorbot.action.DigestLine;
import org.mentorbot.action.MailComposer;
import org.mentorbot.action.Outbox;
import org.mentorbot.store.Ledger;
import org.mentorbot.store.MessageRecord;
import org.mentorbot.store.OutgoingMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily digest: each mentor gets the inquiries routed to them in the last day, and those of the last
 * month that nobody but the asker has written in since. At most one digest per mentor per day, however
 * often the job runs (restarts included).
 */
public final class Digests {

    private static final Logger LOG = LoggerFactory.getLogger(Digests.class);
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration UNANSWERED_WINDOW = Duration.ofDays(30);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final Ledger ledger;
    private final MailComposer composer;
    private final Outbox outbox;
    private final Clock clock;

    public Digests(Ledger ledger, MailComposer composer, Outbox outbox, Clock clock) {
        this.ledger = ledger;
        this.composer = composer;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Queues and sends today's digests; returns how many were queued. */
    public int send() {
        Instant now = clock.instant();
        Map<String, Mentor> mentors = new LinkedHashMap<>();
        for (MessageRecord inquiry : ledger.inquiriesSince(now.minus(UNANSWERED_WINDOW))) {
            if (inquiry.ideaId() == null || inquiry.backlog()) continue;
            boolean recent = !inquiry.recordedAt().isBefore(now.minus(DAY));
            boolean unanswered = unanswered(inquiry);
            if (!recent && !unanswered) continue;
            DigestLine line = new DigestLine(inquiry.date() == null ? DATE.format(inquiry.recordedAt()) : DATE.format(inquiry.date()),
                    inquiry.sender(), inquiry.subject(), inquiry.ideaTitle(), inquiry.messageId());
            for (String[] person : mentorsOf(inquiry.decision())) {
                Mentor m = mentors.computeIfAbsent(person[1].toLowerCase(java.util.Locale.ROOT), k -> new Mentor(person[0]));
                if (recent) m.routed.add(line);
                if (unanswered) m.unanswered.add(line);
            }
        }
        int queued = 0;
        for (Map.Entry<String, Mentor> e : mentors.entrySet()) {
            if (ledger.queued("digest", e.getKey(), now.minus(Duration.ofHours(20)))) continue;
            OutgoingMail mail = composer.digest(e.getKey(), e.getValue().name, e.getValue().routed, e.getValue().unanswered);
            if (mail == null) continue;
            ledger.enqueue(mail);
            queued++;
        }
        if (queued > 0) {
            outbox.flush();
            LOG.info("queued {} digest(s)", queued);
        }
        return queued;
    }

    /** Nobody but the asker has written in the inquiry's thread since. */
    private boolean unanswered(MessageRecord inquiry) {
        if (inquiry.threadId() == null) return true;
        for (MessageRecord m : ledger.thread(inquiry.threadId())) {
            if (m.recordedAt().isBefore(inquiry.recordedAt()) || m.messageId().equals(inquiry.messageId())) continue;
            if (m.sender() != null && !m.sender().equalsIgnoreCase(inquiry.sender())) return false;
        }
        return true;
    }

    /** The people (name, address) among a recorded decision's contacts. */
    static List<String[]> mentorsOf(String decisionJson) {
        List<String[]> people = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(decisionJson)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return people;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!field.equals("contacts") || value != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    String name = null, email = null, role = null;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String key = p.currentName();
                        p.nextToken();
                        String text = p.currentToken() == JsonToken.VALUE_NULL ? null : p.getText();
                        switch (key) {
                            case "name" -> name = text;
                            case "email" -> email = text;
                            case "role" -> role = text;
                            default -> p.skipChildren();
                        }
                    }
                    if ("mentor".equals(role) && email != null) people.add(new String[] {name == null ? email : name, email});
                }
            }
        } catch (IOException e) {
            LOG.warn("unreadable decision in the ledger: {}", e.getMessage());
        }
        return people;
    }

    private static final class Mentor {
        final String name;
        final List<DigestLine> routed = new ArrayList<>();
        final List<DigestLine> unanswered = new ArrayList<>();

        Mentor(String name) {
            this.name = name;
        }
    }
}
