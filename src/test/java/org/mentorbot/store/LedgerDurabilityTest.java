package org.mentorbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mentorbot.store.Fixtures.message;
import static org.mentorbot.store.Fixtures.notification;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerDurabilityTest {
    @TempDir
    Path directory;

    @Test
    void reopeningKeepsDataAndDoesNotRerunMigrations() throws SQLException {
        MessageRecord message = message("<a@x>");
        String appliedAt;
        try (Ledger ledger = Ledger.open(directory)) {
            ledger.record(message, List.of(notification(message, "mentor@x")));
            ledger.saveImapCursor("box", "INBOX", new ImapCursor(3, 30));
            appliedAt = schemaVersions();
            assertThat(appliedAt).startsWith("1@");
        }
        try (Ledger ledger = Ledger.open(directory)) {
            assertThat(ledger.message("<a@x>")).contains(message);
            assertThat(ledger.pending(10)).hasSize(1);
            assertThat(ledger.imapCursor("box", "INBOX")).contains(new ImapCursor(3, 30));
            assertThat(schemaVersions()).isEqualTo(appliedAt);
        }
    }

    @Test
    void firstStartIsStableAcrossReopen() {
        java.time.Instant first;
        try (Ledger ledger = Ledger.open(directory)) {
            first = ledger.firstStart();
        }
        assertThat(first).isNotNull();
        try (Ledger ledger = Ledger.open(directory)) {
            assertThat(ledger.firstStart()).isEqualTo(first);
        }
    }

    @Test
    void ledgerNewerThanTheCodeIsRefusedOnOpen() throws SQLException {
        Ledger.open(directory).close();
        try (Connection raw = DriverManager.getConnection(url(), "sa", "");
             Statement statement = raw.createStatement()) {
            statement.execute("INSERT INTO schema_version (version, description, applied_at)"
                    + " VALUES (" + (Migrations.ledger().latestVersion() + 1) + ", 'future', CURRENT_TIMESTAMP)");
        }
        assertThatThrownBy(() -> Ledger.open(directory))
                .isInstanceOf(LedgerException.class)
                .hasMessageContaining(directory.toString())
                .hasMessageContaining("schema version " + (Migrations.ledger().latestVersion() + 1));
    }

    @Test
    void mailClaimedBeforeACrashIsSendingAfterRestart() throws SQLException {
        MessageRecord message = message("<a@x>");
        Ledger beforeCrash = Ledger.open(directory);
        beforeCrash.record(message, List.of(notification(message, "mentor@x")));
        long id = beforeCrash.pending(10).get(0).id();
        assertThat(beforeCrash.claim(id)).isTrue();
        // Kill the database as a crash would: no checkpoint, no orderly close of the ledger.
        try (Connection raw = DriverManager.getConnection(url(), "sa", "");
             Statement statement = raw.createStatement()) {
            statement.execute("SHUTDOWN IMMEDIATELY");
        } catch (SQLException expected) {
            // H2 may report the shutdown on the connection that asked for it.
        }

        try (Ledger afterCrash = Ledger.open(directory)) {
            assertThat(afterCrash.sending()).extracting(OutboxEntry::id).containsExactly(id);
            assertThat(afterCrash.pending(10)).isEmpty();
            assertThat(afterCrash.claim(id)).isFalse();
            afterCrash.markSent(id);
            assertThat(afterCrash.sending()).isEmpty();
        }
    }

    @Test
    void mailClaimedThenLedgerClosedWithoutMarkingSentIsSending() {
        MessageRecord message = message("<a@x>");
        long id;
        try (Ledger ledger = Ledger.open(directory)) {
            ledger.record(message, List.of(notification(message, "mentor@x")));
            id = ledger.pending(10).get(0).id();
            ledger.claim(id);
        }
        try (Ledger ledger = Ledger.open(directory)) {
            assertThat(ledger.sending()).extracting(OutboxEntry::id).containsExactly(id);
            assertThat(ledger.pending(10)).isEmpty();
        }
    }

    @Test
    void concurrentRecordsOfOneMessageFromSeveralLedgersSucceedOnce() throws Exception {
        String name = Fixtures.uniqueName();
        int writers = 8;
        List<Ledger> ledgers = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            ledgers.add(Ledger.inMemory(name));
        }
        try {
            MessageRecord message = message("<race@x>");
            List<Boolean> results = race(writers, i -> ledgers.get(i).record(message,
                    List.of(notification(message, "mentor@x"))));
            assertThat(results).containsOnlyOnce(true).hasSize(writers);
            assertThat(ledgers.get(0).outbox("<race@x>")).hasSize(1);
        } finally {
            ledgers.forEach(Ledger::close);
        }
    }

    @Test
    void concurrentRecordsThroughOneLedgerSucceedOnce() throws Exception {
        try (Ledger ledger = Ledger.inMemory(Fixtures.uniqueName())) {
            MessageRecord message = message("<race@x>");
            List<Boolean> results = race(8, i -> ledger.record(message, List.of(notification(message, "m@x"))));
            assertThat(results).containsOnlyOnce(true).hasSize(8);
            assertThat(ledger.outbox("<race@x>")).hasSize(1);
        }
    }

    @Test
    void concurrentClaimsFromSeveralLedgersSucceedOnce() throws Exception {
        String name = Fixtures.uniqueName();
        int claimers = 8;
        List<Ledger> ledgers = new ArrayList<>();
        for (int i = 0; i < claimers; i++) {
            ledgers.add(Ledger.inMemory(name));
        }
        try {
            MessageRecord message = message("<a@x>");
            ledgers.get(0).record(message, List.of(notification(message, "mentor@x")));
            long id = ledgers.get(0).pending(1).get(0).id();
            List<Boolean> results = race(claimers, i -> ledgers.get(i).claim(id));
            assertThat(results).containsOnlyOnce(true).hasSize(claimers);
            assertThat(ledgers.get(0).sending()).hasSize(1);
        } finally {
            ledgers.forEach(Ledger::close);
        }
    }

    private interface Attempt {
        boolean run(int index) throws Exception;
    }

    /** Runs the attempts in parallel threads, released together to make them collide. */
    private static List<Boolean> race(int threads, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                Callable<Boolean> task = () -> {
                    start.await();
                    return attempt.run(index);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Boolean> results = new ArrayList<>();
            for (Future<Boolean> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private String url() {
        return "jdbc:h2:file:" + directory.toAbsolutePath().resolve("ledger");
    }

    /** The schema_version rows as one string: a re-run migration would add or change one. */
    private String schemaVersions() throws SQLException {
        StringBuilder versions = new StringBuilder();
        try (Connection raw = DriverManager.getConnection(url(), "sa", "");
             Statement statement = raw.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version, applied_at FROM schema_version ORDER BY version")) {
            while (rows.next()) {
                versions.append(rows.getInt(1)).append('@').append(rows.getString(2)).append(';');
            }
        }
        return versions.toString();
    }
}
