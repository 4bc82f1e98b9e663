package dev.stele.it.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.stele.catalog.Catalog;
import dev.stele.demo.Database;
import dev.stele.replication.ProjectionOptions;
import dev.stele.replication.ProjectionRunner;
import dev.stele.replication.ReplicationConnection;
import dev.stele.store.EventStore;
import dev.stele.store.EventStoreOptions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/** A store in a schema of its own with an account-balances projection on a slot of its own. */
final class Projections {

    static final Catalog CATALOG = Catalog.load();
    static final DataSource DATA_SOURCE = Database.dataSource();
    private static final AtomicInteger COUNTER = new AtomicInteger();

    final DataSource dataSource;
    final String jdbcUrl;
    final String schema;
    final String slot;
    final EventStoreOptions options;
    final EventStore store;
    final AccountBalances balances;

    Projections() throws SQLException {
        this(DATA_SOURCE, Database.jdbcUrl());
    }

    /** The same on another server: {@code dataSource} and {@code jdbcUrl} point at it. */
    Projections(DataSource dataSource, String jdbcUrl) throws SQLException {
        int n = COUNTER.incrementAndGet();
        this.dataSource = dataSource;
        this.jdbcUrl = jdbcUrl;
        this.schema = "proj_" + ProcessHandle.current().pid() + "_" + n;
        this.slot = "it_slot_" + ProcessHandle.current().pid() + "_" + n;
        this.options = EventStoreOptions.defaults().withSchema(schema);
        this.store = EventStore.create(dataSource, CATALOG, options);
        this.balances = new AccountBalances(schema);
        try (Connection connection = dataSource.getConnection()) {
            balances.createTable(connection);
        }
    }

    static ReplicationConnection replication() {
        return ReplicationConnection.of(Database.jdbcUrl());
    }

    ProjectionRunner.Builder runner(ProjectionOptions projectionOptions) {
        return runner(dataSource, projectionOptions);
    }

    /** The runner of {@link #runner(ProjectionOptions)}, applying through connections of {@code pool}. */
    ProjectionRunner.Builder runner(DataSource pool, ProjectionOptions projectionOptions) {
        return ProjectionRunner.builder(pool, ReplicationConnection.of(jdbcUrl)).slot(slot).catalog(CATALOG)
                .storeOptions(options).projection(balances, projectionOptions);
    }

    /**
     * A pool of its own for a runner, its connections named {@code applicationName} in
     * {@code pg_stat_activity}, so a test can find and end them.
     */
    HikariDataSource pool(String applicationName, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(size);
        config.setPoolName(applicationName);
        config.setConnectionTimeout(5_000);
        config.addDataSourceProperty("ApplicationName", applicationName);
        return new HikariDataSource(config);
    }

    /** The server processes of the connections named {@code applicationName}, and their states. */
    Map<Integer, String> backends(String applicationName) throws SQLException {
        Map<Integer, String> backends = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT pid, state FROM pg_stat_activity WHERE application_name = ?")) {
            statement.setString(1, applicationName);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    backends.put(rows.getInt(1), rows.getString(2));
                }
            }
        }
        return backends;
    }

    /** The projection's table: account → balance/events. */
    Map<String, String> projected() throws SQLException {
        return select("SELECT account_id, balance || '/' || events FROM " + schema + ".balances");
    }

    /** How many events the projection's table counts, over all accounts. */
    long projectedEvents() throws SQLException {
        return Long.parseLong(select("SELECT 'n', coalesce(sum(events), 0)::text FROM " + schema + ".balances")
                .get("n"));
    }

    /** What a clean rebuild from the events table gives. */
    Map<String, String> rebuilt() throws SQLException {
        return select("SELECT stream_id, sum(CASE event_name"
                + " WHEN 'MoneyDeposited' THEN (payload->>'amountMinor')::bigint"
                + " WHEN 'MoneyWithdrawn' THEN -(payload->>'amountMinor')::bigint ELSE 0 END) || '/' || count(*)"
                + " FROM " + schema + ".stele_events WHERE event_name IN ('AccountOpened', 'MoneyDeposited',"
                + " 'MoneyWithdrawn') GROUP BY stream_id");
    }

    long eventCount() throws SQLException {
        return Long.parseLong(select("SELECT 'n', count(*)::text FROM " + schema + ".stele_events").get("n"));
    }

    void awaitProjected(Duration timeout) throws Exception {
        await(timeout, () -> {
            try {
                return projected().equals(rebuilt());
            } catch (SQLException e) {
                return false;
            }
        });
        assertThat(projected()).isEqualTo(rebuilt());
    }

    static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
    }

    /** Drops the slot and the publication, so slots do not pile up in the shared server. */
    void dropSlot() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
                    + " WHERE slot_name = '" + slot + "' AND NOT active");
            statement.execute("DROP PUBLICATION IF EXISTS " + slot);
        }
    }

    /**
     * Drops the slot and the publication once no process reads the slot any more (a killed runner's walsender
     * ends a moment after it); one still reading after {@code timeout} is terminated first.
     */
    void dropSlotWhenInactive(Duration timeout) throws Exception {
        await(timeout, () -> walsenderPid() == 0);
        if (walsenderPid() != 0) {
            terminate(walsenderPid());
            await(timeout, () -> walsenderPid() == 0);
        }
        dropSlot();
    }

    /** The process id of the walsender reading the slot; 0 if none does (or there is no slot). */
    int walsenderPid() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT coalesce(active_pid, 0) FROM pg_replication_slots WHERE slot_name = ?")) {
            statement.setString(1, slot);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read pg_replication_slots", e);
        }
    }

    /** Ends a server process ({@code pg_terminate_backend}); whether there was one to end. */
    boolean terminate(int pid) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT pg_terminate_backend(?)")) {
            statement.setInt(1, pid);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }

    /** Where the projection's catch-up stands, as stored; empty before it is registered. */
    Optional<CatchUpState> catchUpState() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT caught_up, catch_up_position FROM "
                        + schema + ".stele_projections WHERE name = 'balances'");
                ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(new CatchUpState(rows.getBoolean(1), rows.getLong(2))) : Optional.empty();
        }
    }

    /** A stored catch-up: whether it ended, and the position of the last event it committed. */
    record CatchUpState(boolean caughtUp, long position) {
    }

    static Map<String, String> query(String sql) throws SQLException {
        return query(DATA_SOURCE, sql);
    }

    private Map<String, String> select(String sql) throws SQLException {
        return query(dataSource, sql);
    }

    private static Map<String, String> query(DataSource dataSource, String sql) throws SQLException {
        Map<String, String> result = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                result.put(rows.getString(1), rows.getString(2));
            }
        }
        return result;
    }
}
