package org.mentorbot.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings a database up to the schema this code expects by applying numbered SQL scripts
 * ({@code V<n>__<what>.sql}) in order, each once, and recording each in {@code schema_version}.
 *
 * <p>The scripts are listed here rather than discovered: listing a resource directory is unreliable
 * inside a shaded jar, and a test checks that the list and the directory agree.
 */
final class Migrations {
    static final String LEDGER_DIRECTORY = "db/migration";
    static final List<String> LEDGER_SCRIPTS = List.of("V1__ledger.sql", "V2__unreadable.sql", "V3__traits.sql");

    private static final Pattern SCRIPT_NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");
    private static final String DUPLICATE_KEY = "23505";

    private final String directory;
    private final List<Script> scripts;

    Migrations(String directory, List<String> scriptNames) {
        this.directory = directory;
        this.scripts = new ArrayList<>();
        for (String name : scriptNames) {
            Matcher matcher = SCRIPT_NAME.matcher(name);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("migration script name is not V<n>__<what>.sql: " + name);
            }
            int version = Integer.parseInt(matcher.group(1));
            if (version != scripts.size() + 1) {
                throw new IllegalArgumentException("migration " + name + " should be version " + (scripts.size() + 1));
            }
            scripts.add(new Script(version, matcher.group(2), name));
        }
    }

    static Migrations ledger() {
        return new Migrations(LEDGER_DIRECTORY, LEDGER_SCRIPTS);
    }

    int latestVersion() {
        return scripts.size();
    }

    /**
     * Applies the scripts the database lacks.
     *
     * @param database how to name the database in errors (no password)
     * @return the versions applied now, oldest first
     */
    List<Integer> apply(Connection connection, String database) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            createVersionTable(connection);
            Set<Integer> applied = appliedVersions(connection);
            int newest = applied.stream().mapToInt(Integer::intValue).max().orElse(0);
            if (newest > latestVersion()) {
                throw new LedgerException("ledger " + database + " has schema version " + newest
                        + ", newer than this mentorbot knows (" + latestVersion() + "); use a newer mentorbot", null);
            }
            List<Integer> now = new ArrayList<>();
            for (Script script : scripts) {
                if (!applied.contains(script.version()) && apply(connection, database, script)) {
                    now.add(script.version());
                }
            }
            return now;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void createVersionTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                    + " version INTEGER PRIMARY KEY,"
                    + " description VARCHAR(200) NOT NULL,"
                    + " applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        }
        connection.commit();
    }

    private static Set<Integer> appliedVersions(Connection connection) throws SQLException {
        Set<Integer> versions = new HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version FROM schema_version")) {
            while (rows.next()) {
                versions.add(rows.getInt(1));
            }
        }
        connection.commit();
        return versions;
    }

    /** @return false when another process applied the same script at the same time */
    private boolean apply(Connection connection, String database, Script script) throws SQLException {
        List<String> statements = SqlScript.statements(read(script));
        int index = 0;
        try {
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    index++;
                    statement.execute(sql);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
                insert.setInt(1, script.version());
                insert.setString(2, script.description());
                Timestamps.set(insert, 3, Instant.now());
                insert.executeUpdate();
            }
            connection.commit();
            return true;
        } catch (SQLException e) {
            connection.rollback();
            // The scripts are idempotent, so a concurrent opener having recorded the version is harmless.
            if (DUPLICATE_KEY.equals(e.getSQLState()) && index == statements.size()) {
                return false;
            }
            String where = index <= statements.size() && index > 0 ? " statement " + index : "";
            throw new LedgerException("ledger " + database + ": migration " + script.name() + where
                    + " failed: " + e.getMessage(), e);
        }
    }

    private String read(Script script) {
        String resource = directory + "/" + script.name();
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("migration script missing from the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration script " + resource, e);
        }
    }

    private record Script(int version, String description, String name) {
    }
}
