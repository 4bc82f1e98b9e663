package dev.stele.it.cdc.slot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.catalog.Catalog;
import dev.stele.demo.Database;
import dev.stele.replication.FailedEvent;
import dev.stele.replication.PoisonPolicy;
import dev.stele.replication.ProjectionOptions;
import dev.stele.replication.ProjectionRunner;
import dev.stele.replication.ProjectionStatus;
import dev.stele.replication.ReplicationConnection;
import dev.stele.replication.TableMismatchException;
import dev.stele.store.EventStore;
import dev.stele.store.EventStoreOptions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Changes of a plain table, {@code public.it_customers}, reach a projection's {@code @Handle} methods through
 * Stele's own slot as the typed {@code @FromTable} records, once each, in commit order; a row the record cannot
 * take stops the projection naming the column; a table that no longer matches its records is refused on start.
 */
class TableChangesThroughTheSlotTest {

    private static final Catalog CATALOG = Catalog.load();
    private static final DataSource DATA_SOURCE = Database.dataSource();
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String TABLE = "public.it_customers";

    private String schema;
    private String slot;
    private CustomerDirectory directory;
    private EventStoreOptions options;

    @BeforeEach
    void createTables() throws SQLException {
        int n = COUNTER.incrementAndGet();
        schema = "cdc_slot_" + ProcessHandle.current().pid() + "_" + n;
        slot = "it_cdc_slot_" + ProcessHandle.current().pid() + "_" + n;
        options = EventStoreOptions.defaults().withSchema(schema);
        EventStore.create(DATA_SOURCE, CATALOG, options);
        directory = new CustomerDirectory(schema);
        try (Connection connection = DATA_SOURCE.getConnection(); Statement statement = connection.createStatement()) {
            directory.createTable(connection);
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
            statement.execute("CREATE TABLE " + TABLE + " (id bigint PRIMARY KEY, email text,"
                    + " created_at timestamptz NOT NULL DEFAULT now(), nickname text, credit numeric(12,2) NOT NULL,"
                    + " tags text[] NOT NULL DEFAULT '{}')");
        }
    }

    @AfterEach
    void dropSlot() throws SQLException {
        try (Connection connection = DATA_SOURCE.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
                    + " WHERE slot_name = '" + slot + "' AND NOT active");
            statement.execute("DROP PUBLICATION IF EXISTS " + slot);
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
        }
    }

    private ProjectionRunner runner() {
        return runner(3);
    }

    private ProjectionRunner runner(int partitions) {
        return ProjectionRunner.builder(DATA_SOURCE, ReplicationConnection.of(Database.jdbcUrl())).slot(slot)
                .catalog(CATALOG).storeOptions(options)
                .projection(directory, ProjectionOptions.defaults().withPartitions(partitions)).build();
    }

    @Test
    void tableChangesReachHandlersOnceInCommitOrder() throws Exception {
        try (ProjectionRunner runner = runner()) {
            runner.start();
            await(Duration.ofSeconds(30), () -> state(runner) == ProjectionStatus.State.LIVE);
            for (int batch = 0; batch < 10; batch++) {
                execute("INSERT INTO " + TABLE + " (id, email, nickname, credit, tags) SELECT i, 'c' || i || '@example.com',"
                        + " CASE WHEN i % 3 = 0 THEN 'nick ' || i END, i * 1.25, ARRAY['t' || i, 'ü \"quoted\", x']"
                        + " FROM generate_series(" + (batch * 20 + 1) + ", " + (batch * 20 + 20) + ") i");
            }
            execute("UPDATE " + TABLE + " SET email = 'new' || id || '@example.com' WHERE id % 7 = 0");
            execute("DELETE FROM " + TABLE + " WHERE id % 11 = 0");
            execute("BEGIN; INSERT INTO " + TABLE + " (id, email, credit) VALUES (1000, 'a@x', 1);"
                    + " UPDATE " + TABLE + " SET email = 'b@x' WHERE id = 1000;"
                    + " UPDATE " + TABLE + " SET email = 'c@x' WHERE id = 1000;"
                    + " DELETE FROM " + TABLE + " WHERE id = 1000;"
                    + " INSERT INTO " + TABLE + " (id, email, credit) VALUES (1000, 'd@x', 2); COMMIT");

            await(Duration.ofSeconds(30), () -> directory().equals(source()));

            assertThat(directory()).isEqualTo(source()).hasSize(200 - 18 + 1);
            assertThat(query("SELECT source FROM " + schema + ".customer_directory WHERE id = 5"))
                    .containsExactly("public.it_customers/5");
            ProjectionStatus status = runner.status().projection("it-customer-directory").orElseThrow();
            assertThat(status.state()).isEqualTo(ProjectionStatus.State.LIVE);
            assertThat(status.applied()).as("every change once: 200 inserts, 28 updates, 18 deletes, 5 more")
                    .isEqualTo(200 + 28 + 18 + 5);
        }
    }

    @Test
    void aChangeCommittedAsSoonAsStartReturnsReachesTheProjection() throws Exception {
        try (ProjectionRunner runner = runner()) {
            runner.start();
            execute("INSERT INTO " + TABLE + " (id, email, credit) VALUES (1, 'first@x', 1)");
            await(Duration.ofSeconds(30), () -> directory().size() == 1);

            assertThat(directory()).isEqualTo(source()).hasSize(1);
        }
    }

    @Test
    void truncateReachesItsRecord() throws Exception {
        try (ProjectionRunner runner = runner()) {
            runner.start();
            await(Duration.ofSeconds(30), () -> state(runner) == ProjectionStatus.State.LIVE);
            execute("INSERT INTO " + TABLE + " (id, email, credit) SELECT i, 'x', 1 FROM generate_series(1, 5) i");
            await(Duration.ofSeconds(30), () -> directory().size() == 5);
            execute("TRUNCATE " + TABLE);
            await(Duration.ofSeconds(30), () -> directory().isEmpty());

            assertThat(directory()).isEmpty();
        }
    }

    @Test
    void aRowItsRecordCannotTakeStopsTheProjectionNamingTheColumn() throws Exception {
        // one partition: the rows' changes are then applied in commit order, so the first is in before the stop
        try (ProjectionRunner runner = runner(1)) {
            runner.start();
            await(Duration.ofSeconds(30), () -> state(runner) == ProjectionStatus.State.LIVE);
            execute("INSERT INTO " + TABLE + " (id, email, credit) VALUES (1, 'fine@x', 1)");
            execute("INSERT INTO " + TABLE + " (id, email, credit) VALUES (2, NULL, 1)");
            await(Duration.ofSeconds(30), () -> state(runner) == ProjectionStatus.State.STOPPED);

            FailedEvent failed = runner.status().projection("it-customer-directory").orElseThrow().stoppedOn()
                    .orElseThrow();
            assertThat(failed.eventName()).isEqualTo("ItCustomerRegistered");
            assertThat(failed.streamCategory()).isEqualTo(TABLE);
            assertThat(failed.streamId()).isEqualTo("2");
            assertThat(failed.error()).contains("email", "public.it_customers", "CustomerRegistered.email", "null");
            assertThat(directory()).as("the row before it was applied, nothing of it").hasSize(1);
        }
    }

    @Test
    void aRowItsRecordCannotTakeIsParkedByPolicyAndStaysParkedOnReplay() throws Exception {
        try (ProjectionRunner runner = ProjectionRunner.builder(DATA_SOURCE,
                ReplicationConnection.of(Database.jdbcUrl())).slot(slot).catalog(CATALOG).storeOptions(options)
                .projection(directory, ProjectionOptions.defaults().withPoisonPolicy(PoisonPolicy.PARK)).build()) {
            runner.start();
            await(Duration.ofSeconds(30), () -> state(runner) == ProjectionStatus.State.LIVE);
            execute("INSERT INTO " + TABLE + " (id, email, credit) VALUES (1, NULL, 1), (2, 'fine@x', 2)");
            await(Duration.ofSeconds(30), () -> directory().size() == 1);

            List<FailedEvent> parked = runner.parkedEvents("it-customer-directory");
            assertThat(parked).singleElement().satisfies(failed -> {
                assertThat(failed.streamId()).isEqualTo("1");
                assertThat(failed.error()).contains("CustomerRegistered.email");
            });
            assertThat(runner.replayParked("it-customer-directory")).isZero();
            assertThat(runner.parkedEvents("it-customer-directory")).hasSize(1);
            assertThat(state(runner)).isEqualTo(ProjectionStatus.State.LIVE);
        }
    }

    @Test
    void aColumnRenamedWhileTheRunnerRunsStopsTheProjectionNamingItBeforeAnyValueIsMisread() throws Exception {
        try (ProjectionRunner runner = runner(1)) {
            runner.start();
            execute("INSERT INTO " + TABLE + " (id, email, credit) VALUES (1, 'before@x', 1)");
            await(Duration.ofSeconds(30), () -> directory().size() == 1);
            execute("ALTER TABLE " + TABLE + " RENAME COLUMN email TO mail");
            execute("INSERT INTO " + TABLE + " (id, mail, credit) VALUES (2, 'after@x', 2)");
            await(Duration.ofSeconds(30), () -> state(runner) == ProjectionStatus.State.STOPPED);

            FailedEvent failed = runner.status().projection("it-customer-directory").orElseThrow().stoppedOn()
                    .orElseThrow();
            assertThat(failed.streamId()).isEqualTo("2");
            assertThat(failed.error()).contains("public.it_customers", "no column email",
                    "CustomerRegistered.email");
            assertThat(directory()).as("the row of the renamed table was not applied").hasSize(1);
        }
    }

    @Test
    void startRefusesATableThatNoLongerMatchesItsRecordsNamingEveryProblem() throws Exception {
        execute("ALTER TABLE " + TABLE + " DROP COLUMN created_at");
        execute("ALTER TABLE " + TABLE + " ALTER COLUMN tags DROP DEFAULT");
        execute("ALTER TABLE " + TABLE + " ALTER COLUMN tags TYPE int[] USING '{}'");
        execute("ALTER TABLE " + TABLE + " ALTER COLUMN credit TYPE numeric(14,4)");

        try (ProjectionRunner runner = runner()) {
            assertThatThrownBy(runner::start)
                    .isInstanceOfSatisfying(TableMismatchException.class, e -> assertThat(e.problems()).hasSize(3))
                    .hasMessageContaining("public.it_customers.created_at (for CustomerRegistered.registeredAt)")
                    .hasMessageContaining("public.it_customers.tags (for CustomerRegistered.tags)")
                    .hasMessageContaining("numeric(14,4)");
        }
    }

    private ProjectionStatus.State state(ProjectionRunner runner) {
        return runner.status().projection("it-customer-directory").map(ProjectionStatus::state).orElse(null);
    }

    private List<String> directory() {
        return query("SELECT id || '|' || email || '|' || coalesce(nickname, '-') || '|' || credit || '|' || tags"
                + " || '|' || registered_at FROM " + schema + ".customer_directory ORDER BY id");
    }

    private List<String> source() {
        return query("SELECT id || '|' || email || '|' || coalesce(nickname, '-') || '|' || credit || '|'"
                + " || array_to_string(tags, '|') || '|' || created_at FROM " + TABLE + " ORDER BY id");
    }

    private static List<String> query(String sql) {
        try (Connection connection = DATA_SOURCE.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> result = new ArrayList<>();
            while (rows.next()) {
                result.add(rows.getString(1));
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DATA_SOURCE.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && !condition.getAsBoolean()) {
            Thread.sleep(50);
        }
    }
}
