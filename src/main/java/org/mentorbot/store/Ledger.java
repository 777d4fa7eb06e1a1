package org.mentorbot.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The bot's durable memory: which messages were handled, how far each mailbox was read, and which mails were
 * meant, tried and sent. Everything that must happen at most once is decided by a primary key or a
 * conditional UPDATE here, so it holds across threads, restarts and several processes sharing a database.
 *
 * <p>One JDBC connection, used by one thread at a time; calls from several threads are serialised.
 * Plain JDBC with portable SQL, so that PostgreSQL can replace H2 later.
 */
public final class Ledger implements AutoCloseable {
    private static final String DUPLICATE_KEY = "23505";
    private static final String H2_USER = "sa";

    private final Connection connection;
    private final String database;
    private final boolean flushCommits;
    private final Clock clock;
    private final Object lock = new Object();
    private final Instant firstStart;

    private Ledger(Connection connection, String database, boolean flushCommits, Clock clock) throws SQLException {
        this.connection = connection;
        this.database = database;
        this.flushCommits = flushCommits;
        this.clock = clock;
        connection.setAutoCommit(false);
        Migrations.ledger().apply(connection, database);
        this.firstStart = loadFirstStart();
    }

    /** The ledger in {@code directory} (an H2 file database named "ledger"), created on first use. */
    public static Ledger open(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new LedgerException("cannot create the ledger directory " + directory + ": " + e.getMessage(), e);
        }
        // The bot closes the ledger itself after running polls finish; H2's own shutdown hook would close it
        // under them at SIGTERM, and a mail just sent could not be marked sent.
        return open("jdbc:h2:file:" + directory.toAbsolutePath().resolve("ledger") + ";DB_CLOSE_ON_EXIT=FALSE", H2_USER, "");
    }

    public static Ledger open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, Clock.systemUTC());
    }

    /** A private in-memory database that lives as long as the JVM (for tests). */
    public static Ledger inMemory(String name) {
        return open("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", H2_USER, "");
    }

    /** With a clock of the caller's choosing, for tests of time windows. */
    static Ledger open(String jdbcUrl, String user, String password, Clock clock) {
        String database = JdbcUrls.redact(jdbcUrl);
        Connection connection;
        try {
            connection = DriverManager.getConnection(jdbcUrl, user, password);
        } catch (SQLException e) {
            throw new LedgerException("cannot open ledger " + database + ": " + e.getMessage(), e);
        }
        try {
            return new Ledger(connection, database, JdbcUrls.isH2File(jdbcUrl), clock);
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            if (e instanceof LedgerException ledgerException) {
                throw ledgerException;
            }
            throw new LedgerException("cannot open ledger " + database + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- messages

    /**
     * Records a message and the mails it calls for, all or nothing.
     *
     * @param intents mails about this message; their {@code inquiryMessageId} must be the message's
     * @return false, having written nothing, when the Message-ID is already recorded
     */
    public boolean record(MessageRecord message, List<OutgoingMail> intents) {
        Objects.requireNonNull(message.messageId(), "messageId");
        for (OutgoingMail intent : intents) {
            if (!message.messageId().equals(intent.inquiryMessageId())) {
                throw new IllegalArgumentException("outgoing mail " + intent.messageId() + " is about "
                        + intent.inquiryMessageId() + ", not about " + message.messageId());
            }
        }
        Instant now = now();
        MessageRecord stamped = message.recordedAt() != null ? message : withRecordedAt(message, now);
        synchronized (lock) {
            boolean recorded = write("record message " + message.messageId(), c -> {
                try (PreparedStatement insert = c.prepareStatement(MessageRows.INSERT)) {
                    MessageRows.bindInsert(insert, stamped);
                    insert.executeUpdate();
                } catch (SQLException e) {
                    // The primary key settles races between threads and processes: the loser learns it here.
                    if (isDuplicateKey(e)) {
                        c.rollback();
                        return false;
                    }
                    throw e;
                }
                if (!intents.isEmpty()) {
                    try (PreparedStatement insert = c.prepareStatement(OutboxRows.INSERT)) {
                        for (OutgoingMail intent : intents) {
                            OutboxRows.bindInsert(insert, intent, now);
                            insert.addBatch();
                        }
                        insert.executeBatch();
                    }
                }
                return true;
            });
            if (recorded) {
                flush("record message " + message.messageId());
            }
            return recorded;
        }
    }

    public Optional<MessageRecord> message(String messageId) {
        return read("read message " + messageId, c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + MessageRows.COLUMNS + " FROM messages WHERE message_id = ?")) {
                select.setString(1, messageId);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(MessageRows.read(rows)) : Optional.empty();
                }
            }
        });
    }

    public boolean knows(String messageId) {
        return read("look up message " + messageId, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM messages WHERE message_id = ?")) {
                select.setString(1, messageId);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    /** The latest messages recorded from {@code mailbox}, newest first. */
    public List<MessageRecord> messages(String mailbox, int limit) {
        return read("list messages of " + mailbox, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + MessageRows.COLUMNS
                    + " FROM messages WHERE mailbox = ? ORDER BY recorded_at DESC, seq DESC FETCH FIRST ? ROWS ONLY")) {
                select.setString(1, mailbox);
                select.setInt(2, Math.max(0, limit));
                return readAll(select, MessageRows::read);
            }
        });
    }

    /** Inquiries recorded at or after {@code since} (by the bot's clock, not the sender's Date), oldest first. */
    /**
     * A mailbox's messages recorded since an instant, oldest first, at most {@code limit}: what triage needs
     * to know of earlier threads and senders when the bot starts again.
     */
    public List<MessageRecord> history(String mailbox, Instant since, int limit) {
        return read("read the history of " + mailbox, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + MessageRows.COLUMNS + " FROM messages"
                    + " WHERE mailbox = ? AND recorded_at >= ? ORDER BY seq DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")) {
                select.setString(1, mailbox);
                Timestamps.set(select, 2, since);
                List<MessageRecord> newestFirst = readAll(select, MessageRows::read);
                java.util.Collections.reverse(newestFirst);
                return newestFirst;
            }
        });
    }

    public List<MessageRecord> inquiriesSince(Instant since) {
        return read("list inquiries", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + MessageRows.COLUMNS
                    + " FROM messages WHERE inquiry = TRUE AND recorded_at >= ? ORDER BY recorded_at, seq")) {
                Timestamps.set(select, 1, since);
                return readAll(select, MessageRows::read);
            }
        });
    }

    /** Every message recorded in a thread, oldest first (for "has anyone answered this inquiry?"). */
    public List<MessageRecord> thread(String threadId) {
        return read("list thread " + threadId, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + MessageRows.COLUMNS
                    + " FROM messages WHERE thread_id = ? ORDER BY recorded_at, seq")) {
                select.setString(1, threadId);
                return readAll(select, MessageRows::read);
            }
        });
    }

    // ---------------------------------------------------------------- cursors

    public Optional<ImapCursor> imapCursor(String mailbox, String folder) {
        return read("read IMAP cursor of " + mailbox + "/" + folder, c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT uid_validity, last_uid FROM imap_cursors WHERE mailbox = ? AND folder = ?")) {
                select.setString(1, mailbox);
                select.setString(2, folder);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(new ImapCursor(rows.getLong(1), rows.getLong(2)))
                            : Optional.empty();
                }
            }
        });
    }

    public void saveImapCursor(String mailbox, String folder, ImapCursor cursor) {
        Instant now = now();
        write("save IMAP cursor of " + mailbox + "/" + folder, c -> upsert(c,
                "UPDATE imap_cursors SET uid_validity = ?, last_uid = ?, updated_at = ? WHERE mailbox = ? AND folder = ?",
                update -> {
                    update.setLong(1, cursor.uidValidity());
                    update.setLong(2, cursor.lastUid());
                    Timestamps.set(update, 3, now);
                    update.setString(4, mailbox);
                    update.setString(5, folder);
                },
                "INSERT INTO imap_cursors (mailbox, folder, uid_validity, last_uid, updated_at) VALUES (?, ?, ?, ?, ?)",
                insert -> {
                    insert.setString(1, mailbox);
                    insert.setString(2, folder);
                    insert.setLong(3, cursor.uidValidity());
                    insert.setLong(4, cursor.lastUid());
                    Timestamps.set(insert, 5, now);
                }));
    }

    public boolean uidlSeen(String mailbox, String uidl) {
        return read("look up UIDL in " + mailbox, c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT 1 FROM pop3_uidls WHERE mailbox = ? AND uidl = ?")) {
                select.setString(1, mailbox);
                select.setString(2, uidl);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    public void markUidlSeen(String mailbox, String uidl) {
        Instant now = now();
        write("mark UIDL seen in " + mailbox, c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO pop3_uidls (mailbox, uidl, seen_at) VALUES (?, ?, ?)")) {
                insert.setString(1, mailbox);
                insert.setString(2, uidl);
                Timestamps.set(insert, 3, now);
                insert.executeUpdate();
            } catch (SQLException e) {
                if (!isDuplicateKey(e)) {
                    throw e;
                }
                c.rollback();
            }
            return null;
        });
    }

    // ---------------------------------------------------------------- outbox

    /**
     * Queues a mail that belongs to no recorded message's transaction (a digest, a later follow-up).
     * Idempotent on the mail's own Message-ID, so a retry after a crash cannot queue it twice.
     *
     * @return the outbox id, of the new row or of the one already holding this Message-ID
     */
    public long enqueue(OutgoingMail mail) {
        Instant now = now();
        synchronized (lock) {
            long id = write("queue mail " + mail.messageId(), c -> {
                try (PreparedStatement insert = c.prepareStatement(OutboxRows.INSERT, new String[] {"id"})) {
                    OutboxRows.bindInsert(insert, mail, now);
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        keys.next();
                        return keys.getLong(1);
                    }
                } catch (SQLException e) {
                    if (!isDuplicateKey(e)) {
                        throw e;
                    }
                    c.rollback();
                }
                try (PreparedStatement select = c.prepareStatement(
                        "SELECT id FROM outbox WHERE mail_message_id = ?")) {
                    select.setString(1, mail.messageId());
                    try (ResultSet rows = select.executeQuery()) {
                        if (!rows.next()) {
                            throw new SQLException("duplicate outgoing Message-ID " + mail.messageId() + " not found");
                        }
                        return rows.getLong(1);
                    }
                }
            });
            flush("queue mail " + mail.messageId());
            return id;
        }
    }

    /** PENDING mails, oldest first. */
    public List<OutboxEntry> pending(int max) {
        return read("list pending mails", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + OutboxRows.COLUMNS
                    + " FROM outbox WHERE state = 'PENDING' ORDER BY created_at, id FETCH FIRST ? ROWS ONLY")) {
                select.setInt(1, Math.max(0, max));
                return readAll(select, OutboxRows::read);
            }
        });
    }

    /**
     * Mails left in SENDING: claimed, but their outcome never recorded (a crash between claim and markSent).
     * Whether they went out is for the caller to find out; resending blindly could duplicate them.
     */
    public List<OutboxEntry> sending() {
        return read("list mails being sent", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + OutboxRows.COLUMNS
                    + " FROM outbox WHERE state = 'SENDING' ORDER BY created_at, id")) {
                return readAll(select, OutboxRows::read);
            }
        });
    }

    /**
     * Takes a PENDING mail for sending. Call before handing it to SMTP.
     *
     * @return false when it is not PENDING (any more): someone else claimed, sent or suppressed it
     */
    public boolean claim(long id) {
        Instant now = now();
        synchronized (lock) {
            int claimed = write("claim mail " + id, c -> {
                try (PreparedStatement update = c.prepareStatement(
                        "UPDATE outbox SET state = 'SENDING', updated_at = ? WHERE id = ? AND state = 'PENDING'")) {
                    Timestamps.set(update, 1, now);
                    update.setLong(2, id);
                    return update.executeUpdate();
                }
            });
            if (claimed == 1) {
                // The claim must be on disk before the mail leaves, or a crash could make it PENDING again.
                flush("claim mail " + id);
            }
            return claimed == 1;
        }
    }

    public void markSent(long id) {
        transition(id, OutboxState.SENT, false, null, OutboxState.SENDING);
    }

    /**
     * A send attempt failed.
     *
     * @param retryable true for temporary errors: the mail goes back to PENDING
     */
    public void markFailed(long id, String error, boolean retryable) {
        transition(id, retryable ? OutboxState.PENDING : OutboxState.FAILED, true, error, OutboxState.SENDING);
    }

    /** Decides not to send a mail that is waiting, or whose earlier attempt is in doubt. */
    public void markSuppressed(long id, String reason) {
        transition(id, OutboxState.SUPPRESSED, false, reason, OutboxState.PENDING, OutboxState.SENDING);
    }

    /** Every mail about one inquiry, in the order they were queued. */
    /** The outbox row of a mail the bot composed, by that mail's own Message-ID. */
    public Optional<OutboxEntry> outgoing(String mailMessageId) {
        return read("find mail " + mailMessageId, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + OutboxRows.COLUMNS
                    + " FROM outbox WHERE mail_message_id = ?")) {
                select.setString(1, mailMessageId);
                return readAll(select, OutboxRows::read).stream().findFirst();
            }
        });
    }

    public List<OutboxEntry> outbox(String inquiryMessageId) {
        return read("list mails about " + inquiryMessageId, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + OutboxRows.COLUMNS
                    + " FROM outbox WHERE inquiry_message_id = ? ORDER BY id")) {
                select.setString(1, inquiryMessageId);
                return readAll(select, OutboxRows::read);
            }
        });
    }

    private void transition(long id, OutboxState to, boolean countAttempt, String note, OutboxState... from) {
        Instant now = now();
        String operation = "mark mail " + id + " " + to;
        StringBuilder states = new StringBuilder();
        for (OutboxState state : from) {
            states.append(states.isEmpty() ? "'" : ", '").append(state.name()).append('\'');
        }
        String sql = "UPDATE outbox SET state = ?, updated_at = ?"
                + (countAttempt ? ", attempts = attempts + 1" : "")
                + (note != null ? ", last_error = ?" : "")
                + " WHERE id = ? AND state IN (" + states + ")";
        synchronized (lock) {
            String refusal = write(operation, c -> {
                try (PreparedStatement update = c.prepareStatement(sql)) {
                    int index = 1;
                    update.setString(index++, to.name());
                    Timestamps.set(update, index++, now);
                    if (note != null) {
                        update.setString(index++, OutboxRows.clip(note));
                    }
                    update.setLong(index, id);
                    if (update.executeUpdate() == 1) {
                        return null;
                    }
                }
                return currentState(c, id).map(state -> "mail " + id + " is " + state + ", not " + List.of(from))
                        .orElse("no mail " + id + " in the outbox");
            });
            if (refusal != null) {
                throw new IllegalStateException("cannot " + operation + ": " + refusal);
            }
            flush(operation);
        }
    }

    private static Optional<String> currentState(Connection c, long id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT state FROM outbox WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    // ---------------------------------------------------------------- hygiene for the action layer

    /** Whether the bot already answered (or is answering) {@code sender} in this thread. */
    public boolean repliedInThread(String sender, String threadId) {
        return read("look up replies in thread " + threadId, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE kind = 'reply'"
                    + " AND LOWER(sender) = LOWER(?) AND thread_id = ? AND state NOT IN ('FAILED', 'SUPPRESSED')")) {
                select.setString(1, sender);
                select.setString(2, threadId);
                return count(select) > 0;
            }
        });
    }

    /** Mails to {@code recipient} sent or being sent since {@code since} (per-person rate limit). */
    public int sentTo(String recipient, Instant since) {
        return read("count mails to a recipient", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM outbox"
                    + " WHERE LOWER(recipient) = LOWER(?) AND state IN ('SENDING', 'SENT') AND updated_at >= ?")) {
                select.setString(1, recipient);
                Timestamps.set(select, 2, since);
                return (int) count(select);
            }
        });
    }

    /** Whether a mail of this kind to {@code recipient} was queued since {@code since}, whatever became of it. */
    public boolean queued(String kind, String recipient, Instant since) {
        return read("look for a " + kind + " mail", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM outbox"
                    + " WHERE kind = ? AND LOWER(recipient) = LOWER(?) AND created_at >= ?")) {
                select.setString(1, kind);
                select.setString(2, recipient);
                Timestamps.set(select, 3, since);
                return count(select) > 0;
            }
        });
    }

    /** Mails sent or being sent since {@code since} (global rate limit). */
    public int sentSince(Instant since) {
        return read("count mails sent", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM outbox"
                    + " WHERE state IN ('SENDING', 'SENT') AND updated_at >= ?")) {
                Timestamps.set(select, 1, since);
                return (int) count(select);
            }
        });
    }

    // ---------------------------------------------------------------- unreadable messages

    /**
     * Records a message that could not be parsed or triaged, with its raw bytes and the reason.
     *
     * @return false, having written nothing, when a message with this id is already recorded as unreadable
     */
    public boolean recordUnreadable(UnreadableRecord message) {
        Instant at = message.recordedAt() != null ? message.recordedAt() : now();
        synchronized (lock) {
            boolean recorded = write("record unreadable message " + message.messageId(), c -> {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO unreadable_messages"
                        + " (message_id, mailbox, folder, imap_uid, reason, raw, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, message.messageId());
                    insert.setString(2, message.mailbox());
                    insert.setString(3, message.folder());
                    insert.setLong(4, message.uid());
                    insert.setString(5, OutboxRows.clip(message.reason()));
                    insert.setBytes(6, message.raw());
                    Timestamps.set(insert, 7, at);
                    insert.executeUpdate();
                    return true;
                } catch (SQLException e) {
                    if (isDuplicateKey(e)) {
                        c.rollback();
                        return false;
                    }
                    throw e;
                }
            });
            if (recorded) flush("record unreadable message " + message.messageId());
            return recorded;
        }
    }

    /** The unreadable messages of a mailbox, newest first. */
    public List<UnreadableRecord> unreadable(String mailbox, int limit) {
        return read("list unreadable messages of " + mailbox, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT message_id, mailbox, folder, imap_uid, reason,"
                    + " raw, recorded_at FROM unreadable_messages WHERE mailbox = ?"
                    + " ORDER BY recorded_at DESC, message_id FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")) {
                select.setString(1, mailbox);
                return readAll(select, rows -> new UnreadableRecord(rows.getString("message_id"), rows.getString("mailbox"),
                        rows.getString("folder"), rows.getLong("imap_uid"), rows.getString("reason"), rows.getBytes("raw"),
                        Timestamps.get(rows, "recorded_at")));
            }
        });
    }

    // ---------------------------------------------------------------- polls and status

    /** Remembers the latest poll of a mailbox; {@code errorOrNull} null means it succeeded. */
    public void recordPoll(String mailbox, Instant at, int fetched, int recorded, String errorOrNull) {
        String error = OutboxRows.clip(errorOrNull);
        write("record poll of " + mailbox, c -> upsert(c,
                "UPDATE mailbox_polls SET last_poll = ?, last_fetched = ?, last_recorded = ?, last_error = ?,"
                        + " polls = polls + 1 WHERE mailbox = ?",
                update -> {
                    Timestamps.set(update, 1, at);
                    update.setInt(2, fetched);
                    update.setInt(3, recorded);
                    update.setString(4, error);
                    update.setString(5, mailbox);
                },
                "INSERT INTO mailbox_polls (mailbox, last_poll, last_fetched, last_recorded, last_error, polls)"
                        + " VALUES (?, ?, ?, ?, ?, 1)",
                insert -> {
                    insert.setString(1, mailbox);
                    Timestamps.set(insert, 2, at);
                    insert.setInt(3, fetched);
                    insert.setInt(4, recorded);
                    insert.setString(5, error);
                }));
    }

    public MailboxStatus status(String mailbox) {
        return read("read status of " + mailbox, c -> {
            Instant lastPoll = null;
            String lastError = null;
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT last_poll, last_error FROM mailbox_polls WHERE mailbox = ?")) {
                select.setString(1, mailbox);
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        lastPoll = Timestamps.get(rows, "last_poll");
                        lastError = rows.getString("last_error");
                    }
                }
            }
            long messages = 0;
            long inquiries = 0;
            try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*),"
                    + " COALESCE(SUM(CASE WHEN inquiry THEN 1 ELSE 0 END), 0) FROM messages WHERE mailbox = ?")) {
                select.setString(1, mailbox);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    messages = rows.getLong(1);
                    inquiries = rows.getLong(2);
                }
            }
            long unreadable = 0;
            String lastUnreadable = null;
            try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM unreadable_messages WHERE mailbox = ?")) {
                select.setString(1, mailbox);
                unreadable = count(select);
            }
            if (unreadable > 0) {
                try (PreparedStatement select = c.prepareStatement("SELECT reason FROM unreadable_messages WHERE mailbox = ?"
                        + " ORDER BY recorded_at DESC, message_id FETCH FIRST 1 ROWS ONLY")) {
                    select.setString(1, mailbox);
                    lastUnreadable = readAll(select, rows -> rows.getString(1)).get(0);
                }
            }
            long pending = 0;
            long sent = 0;
            try (PreparedStatement select = c.prepareStatement("SELECT o.state, COUNT(*) FROM outbox o"
                    + " JOIN messages m ON m.message_id = o.inquiry_message_id WHERE m.mailbox = ? GROUP BY o.state")) {
                select.setString(1, mailbox);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        switch (OutboxState.valueOf(rows.getString(1))) {
                            case PENDING -> pending = rows.getLong(2);
                            case SENT -> sent = rows.getLong(2);
                            default -> { }
                        }
                    }
                }
            }
            return new MailboxStatus(mailbox, lastPoll, lastError, messages, inquiries, unreadable, lastUnreadable, pending, sent);
        });
    }

    /** Every mailbox the ledger has heard of (polled, read or recorded from), sorted. */
    public List<String> mailboxes() {
        return read("list mailboxes", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT mailbox FROM mailbox_polls"
                    + " UNION SELECT mailbox FROM messages UNION SELECT mailbox FROM imap_cursors"
                    + " UNION SELECT mailbox FROM pop3_uidls UNION SELECT mailbox FROM unreadable_messages ORDER BY mailbox")) {
                return readAll(select, rows -> rows.getString(1));
            }
        });
    }

    // ---------------------------------------------------------------- bot start

    /** When this ledger was first opened; messages older than that are backlog. Never changes. */
    public Instant firstStart() {
        return firstStart;
    }

    private Instant loadFirstStart() throws SQLException {
        Instant known = readFirstStart();
        if (known != null) {
            return known;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO bot_start (id, first_start) VALUES (1, ?)")) {
            Timestamps.set(insert, 1, now());
            insert.executeUpdate();
            connection.commit();
            flush("record first start");
        } catch (SQLException e) {
            // Another process opened the same fresh database a moment earlier: its instant stands.
            connection.rollback();
            if (!isDuplicateKey(e)) {
                throw e;
            }
        }
        return readFirstStart();
    }

    private Instant readFirstStart() throws SQLException {
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("SELECT first_start FROM bot_start WHERE id = 1")) {
            Instant instant = rows.next() ? Timestamps.get(rows, "first_start") : null;
            connection.commit();
            return instant;
        }
    }

    // ---------------------------------------------------------------- corrections

    public void recordCorrection(Correction correction) {
        Instant at = correction.at() != null ? correction.at() : now();
        synchronized (lock) {
            write("record correction of " + correction.messageId(), c -> {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO corrections"
                        + " (message_id, mentor, idea_id, not_inquiry, corrected_at) VALUES (?, ?, ?, ?, ?)")) {
                    insert.setString(1, correction.messageId());
                    insert.setString(2, correction.mentor());
                    insert.setString(3, correction.ideaId());
                    insert.setBoolean(4, correction.notInquiry());
                    Timestamps.set(insert, 5, at);
                    return insert.executeUpdate();
                }
            });
            flush("record correction of " + correction.messageId());
        }
    }

    /** All corrections, oldest first. */
    public List<Correction> corrections() {
        return read("list corrections", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT message_id, mentor, idea_id, not_inquiry,"
                    + " corrected_at FROM corrections ORDER BY corrected_at, id")) {
                return readAll(select, Ledger::readCorrection);
            }
        });
    }

    /** The latest correction of one message. */
    public Optional<Correction> correction(String messageId) {
        return read("read correction of " + messageId, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT message_id, mentor, idea_id, not_inquiry,"
                    + " corrected_at FROM corrections WHERE message_id = ?"
                    + " ORDER BY corrected_at DESC, id DESC FETCH FIRST 1 ROWS ONLY")) {
                select.setString(1, messageId);
                return readAll(select, Ledger::readCorrection).stream().findFirst();
            }
        });
    }

    private static Correction readCorrection(ResultSet rows) throws SQLException {
        return new Correction(rows.getString("message_id"), rows.getString("mentor"), rows.getString("idea_id"),
                rows.getBoolean("not_inquiry"), Timestamps.get(rows, "corrected_at"));
    }

    // ---------------------------------------------------------------- plumbing

    @Override
    public void close() {
        synchronized (lock) {
            try {
                connection.close();
            } catch (SQLException e) {
                throw failure("close", e);
            }
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    private <T> T write(String operation, Work<T> work) {
        synchronized (lock) {
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException e) {
                rollbackAfter(e);
                throw failure(operation, e);
            } catch (RuntimeException e) {
                rollbackAfter(e);
                throw e;
            }
        }
    }

    /** Reads end their transaction too, so that no snapshot or lock is held between calls. */
    private <T> T read(String operation, Work<T> work) {
        return write(operation, work);
    }

    private void rollbackAfter(Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * H2 writes commits to its file within a second, not at once; a process killed in that second would lose
     * them. Where a lost write could cause a second mail, force it out. Other databases sync on commit.
     */
    private void flush(String operation) {
        if (!flushCommits) {
            return;
        }
        try (Statement checkpoint = connection.createStatement()) {
            checkpoint.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            throw failure(operation + " (flush to disk)", e);
        }
    }

    /** UPDATE, else INSERT, else (another writer inserted meanwhile) UPDATE again: portable, unlike MERGE. */
    private static Void upsert(Connection c, String updateSql, Binder updateBinder, String insertSql,
                               Binder insertBinder) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(updateSql)) {
            updateBinder.bind(update);
            if (update.executeUpdate() > 0) {
                return null;
            }
        }
        try (PreparedStatement insert = c.prepareStatement(insertSql)) {
            insertBinder.bind(insert);
            insert.executeUpdate();
            return null;
        } catch (SQLException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            c.rollback();
        }
        try (PreparedStatement update = c.prepareStatement(updateSql)) {
            updateBinder.bind(update);
            update.executeUpdate();
            return null;
        }
    }

    private static <T> List<T> readAll(PreparedStatement select, RowReader<T> reader) throws SQLException {
        List<T> result = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                result.add(reader.read(rows));
            }
        }
        return result;
    }

    private static long count(PreparedStatement select) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static boolean isDuplicateKey(SQLException e) {
        return DUPLICATE_KEY.equals(e.getSQLState());
    }

    private LedgerException failure(String operation, SQLException e) {
        return new LedgerException("ledger " + database + ": " + operation + " failed: " + e.getMessage(), e);
    }

    private Instant now() {
        return Timestamps.truncate(clock.instant());
    }

    private static MessageRecord withRecordedAt(MessageRecord m, Instant at) {
        return new MessageRecord(m.messageId(), m.mailbox(), m.folder(), m.uid(), m.threadId(), m.sender(),
                m.subject(), m.date(), m.inquiry(), m.ideaId(), m.ideaTitle(), m.confidence(), m.backlog(), m.asks(), m.report(),
                m.patch(), m.programme(), m.answer(), m.decision(), at);
    }
}
