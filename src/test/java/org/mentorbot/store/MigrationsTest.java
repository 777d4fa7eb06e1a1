package org.mentorbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MigrationsTest {
    private static final String TEST_SCRIPTS = "db/test-migration";

    @Test
    void appliesEachScriptOnceAndOnlyNewOnesLater() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:" + Fixtures.uniqueName())) {
            assertThat(new Migrations(TEST_SCRIPTS, List.of("V1__table.sql")).apply(connection, "test"))
                    .containsExactly(1);
            Migrations both = new Migrations(TEST_SCRIPTS, List.of("V1__table.sql", "V2__row.sql"));
            assertThat(both.apply(connection, "test")).containsExactly(2);
            assertThat(both.apply(connection, "test")).isEmpty();

            assertThat(strings(connection, "SELECT note FROM probe ORDER BY id")).containsExactly("one;", "two");
            assertThat(strings(connection, "SELECT version FROM schema_version ORDER BY version"))
                    .containsExactly("1", "2");
        }
    }

    @Test
    void failedScriptIsNotRecordedAndNamesItself() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:" + Fixtures.uniqueName())) {
            Migrations broken = new Migrations(TEST_SCRIPTS, List.of("V1__table.sql", "V2__row.sql", "V3__broken.sql"));
            assertThatThrownBy(() -> broken.apply(connection, "jdbc:h2:mem:probe"))
                    .isInstanceOf(LedgerException.class)
                    .hasMessageContaining("jdbc:h2:mem:probe")
                    .hasMessageContaining("V3__broken.sql statement 2");
            assertThat(strings(connection, "SELECT version FROM schema_version ORDER BY version"))
                    .containsExactly("1", "2");
            assertThat(strings(connection, "SELECT note FROM probe ORDER BY id")).containsExactly("one;", "two");
        }
    }

    @Test
    void databaseNewerThanTheCodeIsRefused() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:" + Fixtures.uniqueName())) {
            Migrations.ledger().apply(connection, "test");
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO schema_version (version, description, applied_at)"
                        + " VALUES (7, 'future', CURRENT_TIMESTAMP)");
            }
            assertThatThrownBy(() -> Migrations.ledger().apply(connection, "jdbc:h2:mem:future"))
                    .isInstanceOf(LedgerException.class)
                    .hasMessageContaining("jdbc:h2:mem:future")
                    .hasMessageContaining("schema version 7");
        }
    }

    @Test
    void scriptNamesMustBeNumberedWithoutGaps() {
        assertThatThrownBy(() -> new Migrations(TEST_SCRIPTS, List.of("V1__table.sql", "V3__broken.sql")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 2");
        assertThatThrownBy(() -> new Migrations(TEST_SCRIPTS, List.of("ledger.sql")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listedLedgerScriptsAreExactlyThoseInTheResourceDirectory() throws URISyntaxException, Exception {
        Path directory = Path.of(Migrations.class.getClassLoader().getResource(Migrations.LEDGER_DIRECTORY).toURI());
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(path -> path.getFileName().toString()).sorted())
                    .containsExactlyElementsOf(Migrations.LEDGER_SCRIPTS.stream().sorted().toList());
        }
    }

    @Test
    void splitsStatementsAtLineEndSemicolonsAndDropsComments() {
        assertThat(SqlScript.statements("-- comment\nCREATE TABLE a (x VARCHAR(3));\n\nINSERT INTO a\n  VALUES ('a;b');\n"))
                .containsExactly("CREATE TABLE a (x VARCHAR(3))", "INSERT INTO a\nVALUES ('a;b')");
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
