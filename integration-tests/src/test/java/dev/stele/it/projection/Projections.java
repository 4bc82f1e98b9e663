package dev.stele.it.projection;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/** A store in a schema of its own with an account-balances projection on a slot of its own. */
final class Projections {

    static final Catalog CATALOG = Catalog.load();
    static final DataSource DATA_SOURCE = Database.dataSource();
    private static final AtomicInteger COUNTER = new AtomicInteger();

    final String schema;
    final String slot;
    final EventStoreOptions options;
    final EventStore store;
    final AccountBalances balances;

    Projections() throws SQLException {
        int n = COUNTER.incrementAndGet();
        this.schema = "proj_" + ProcessHandle.current().pid() + "_" + n;
        this.slot = "it_slot_" + ProcessHandle.current().pid() + "_" + n;
        this.options = EventStoreOptions.defaults().withSchema(schema);
        this.store = EventStore.create(DATA_SOURCE, CATALOG, options);
        this.balances = new AccountBalances(schema);
        try (Connection connection = DATA_SOURCE.getConnection()) {
            balances.createTable(connection);
        }
    }

    static ReplicationConnection replication() {
        return ReplicationConnection.of(Database.jdbcUrl());
    }

    ProjectionRunner.Builder runner(ProjectionOptions projectionOptions) {
        return ProjectionRunner.builder(store, replication()).slot(slot).projection(balances, projectionOptions);
    }

    /** The projection's table: account → balance/events. */
    Map<String, String> projected() throws SQLException {
        return query("SELECT account_id, balance || '/' || events FROM " + schema + ".balances");
    }

    /** What a clean rebuild from the events table gives. */
    Map<String, String> rebuilt() throws SQLException {
        return query("SELECT stream_id, sum(CASE event_name WHEN 'MoneyDeposited' THEN (payload->>'amountMinor')::bigint"
                + " WHEN 'MoneyWithdrawn' THEN -(payload->>'amountMinor')::bigint ELSE 0 END) || '/' || count(*)"
                + " FROM " + schema + ".stele_events WHERE event_name IN ('AccountOpened', 'MoneyDeposited',"
                + " 'MoneyWithdrawn') GROUP BY stream_id");
    }

    long eventCount() throws SQLException {
        return Long.parseLong(query("SELECT 'n', count(*)::text FROM " + schema + ".stele_events").get("n"));
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
        try (Connection connection = DATA_SOURCE.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
                    + " WHERE slot_name = '" + slot + "' AND NOT active");
            statement.execute("DROP PUBLICATION IF EXISTS " + slot);
        }
    }

    static Map<String, String> query(String sql) throws SQLException {
        Map<String, String> result = new TreeMap<>();
        try (Connection connection = DATA_SOURCE.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                result.put(rows.getString(1), rows.getString(2));
            }
        }
        return result;
    }
}
