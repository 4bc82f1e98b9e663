package dev.stele.it.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.demo.Database;
import dev.stele.inspect.DatabaseUnreachableException;
import dev.stele.inspect.Inspector;
import dev.stele.inspect.SchemaNotMigratedException;
import dev.stele.store.EventStoreOptions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A wrong password and a database that does not exist: each a typed error saying which, without the URL or the
 * password. The embedded server trusts every login, so for the length of this class one role of its own must give
 * a password (a first line in {@code pg_hba.conf}); the file is put back afterwards.
 */
class LoginTest {

    private static final String ROLE = "stele_login_" + ProcessHandle.current().pid();
    private static String hbaFile;
    private static String hba;

    @BeforeAll
    static void aRoleThatNeedsItsPassword() throws SQLException, InterruptedException {
        try (Connection connection = InspectFixture.DATA_SOURCE.getConnection();
                Statement statement = connection.createStatement()) {
            hbaFile = single(statement, "SHOW hba_file");
            hba = single(statement, "SELECT pg_read_file(current_setting('hba_file'))");
            statement.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD 'right-pw'");
            writeHba(connection, "host all " + ROLE + " all scram-sha-256\n" + hba);
        }
        awaitPasswordsChecked();
    }

    @AfterAll
    static void trustAgain() throws SQLException {
        try (Connection connection = InspectFixture.DATA_SOURCE.getConnection();
                Statement statement = connection.createStatement()) {
            writeHba(connection, hba);
            statement.execute("DROP ROLE IF EXISTS " + ROLE);
        }
    }

    @Test
    void aWrongPasswordIsARefusedLoginThatDoesNotRepeatThePassword() {
        Inspector inspector = inspector(url("postgres") + "&user=" + ROLE + "&password=wrong-pw-42");

        assertThatThrownBy(inspector::categories).isInstanceOfSatisfying(DatabaseUnreachableException.class, e -> {
            assertThat(e.loginRefused()).isTrue();
            assertThat(e.sqlState()).isEqualTo("28P01");
            assertThat(e.getMessage()).startsWith("read the stream categories failed: the database refused the login:")
                    .contains(ROLE).doesNotContain("wrong-pw-42").doesNotContain("jdbc:");
        });
        assertThatThrownBy(inspector(url("postgres") + "&user=" + ROLE + "&password=right-pw")::categories)
                .as("the right password gets in, and finds no store there").isInstanceOf(SchemaNotMigratedException.class);
    }

    @Test
    void aDatabaseThatDoesNotExistIsNamed() {
        Inspector inspector = inspector(url("no_such_db_" + ProcessHandle.current().pid()) + "&user=postgres");

        assertThatThrownBy(inspector::categories).isInstanceOfSatisfying(DatabaseUnreachableException.class, e -> {
            assertThat(e.loginRefused()).isFalse();
            assertThat(e.sqlState()).isEqualTo("3D000");
            assertThat(e.getMessage()).startsWith("read the stream categories failed: there is no such database:")
                    .contains("no_such_db_");
        });
    }

    private static Inspector inspector(String url) {
        return Inspector.of(dataSource(url), EventStoreOptions.defaults(), InspectFixture.CATALOG);
    }

    private static PGSimpleDataSource dataSource(String url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        return dataSource;
    }

    /** The test server's URL on another database, without a user: the query string is for the test to add to. */
    private static String url(String database) {
        String url = Database.jdbcUrl();
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + "?connectTimeout=5";
    }

    /**
     * Replaces {@code pg_hba.conf}, a row per line (COPY would escape a newline within a value; it takes no
     * parameters, so the content goes in dollar-quoted), and reloads it.
     */
    private static void writeHba(Connection connection, String content) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT replace(line, E'\\t', ' ') FROM unnest(string_to_array(rtrim($hba$"
                    + content + "$hba$, E'\\n'), E'\\n')) WITH ORDINALITY AS l(line, n) ORDER BY n) TO '"
                    + hbaFile.replace("'", "''") + "'");
            single(statement, "SELECT pg_reload_conf()::text");
        }
    }

    /** The server reloads its configuration a moment after it is asked: until a wrong password is refused. */
    private static void awaitPasswordsChecked() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Connection ignored = dataSource(url("postgres") + "&user=" + ROLE + "&password=not-it").getConnection()) {
                Thread.sleep(50);
            } catch (SQLException refused) {
                return;
            }
        }
        throw new AssertionError("the server did not start checking " + ROLE + "'s password within 10 s");
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
