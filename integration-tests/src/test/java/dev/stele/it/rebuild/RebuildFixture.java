package dev.stele.it.rebuild;

import dev.stele.catalog.Catalog;
import dev.stele.demo.Database;
import dev.stele.it.events.AccountOpened;
import dev.stele.it.events.MoneyDeposited;
import dev.stele.it.events.MoneyWithdrawn;
import dev.stele.it.projection.AccountBalances;
import dev.stele.replication.ProjectionRunner;
import dev.stele.replication.ProjectionStatus;
import dev.stele.replication.ReadModelSwitch;
import dev.stele.replication.ReplicationConnection;
import dev.stele.store.EventStore;
import dev.stele.store.EventStoreOptions;
import dev.stele.store.ExpectedVersion;
import dev.stele.store.StreamId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/**
 * A store in a schema of its own, with the account balances projection in two versions: version N writes table
 * {@code accounts_vN}, and readers read the view {@code accounts}, swapped by {@link ReadModelSwitch#views}.
 */
final class RebuildFixture implements AutoCloseable {

    private static final Catalog CATALOG = Catalog.load();
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final DataSource dataSource = Database.dataSource();
    private final String schema;
    private final String slot;
    private final EventStore store;

    RebuildFixture() throws SQLException {
        int n = COUNTER.incrementAndGet();
        schema = "rebuild_" + ProcessHandle.current().pid() + "_" + n;
        slot = "it_rebuild_" + ProcessHandle.current().pid() + "_" + n;
        store = EventStore.create(dataSource, CATALOG, EventStoreOptions.defaults().withSchema(schema));
        try (Connection connection = dataSource.getConnection()) {
            new AccountBalances(schema, "accounts_v1").createTable(connection);
            new AccountBalances(schema, "accounts_v2").createTable(connection);
        }
    }

    String schema() {
        return schema;
    }

    DataSource dataSource() {
        return dataSource;
    }

    EventStore store() {
        return store;
    }

    /** A runner on the fixture's slot that swaps the view {@code accounts} when a version becomes current. */
    ProjectionRunner.Builder runner() {
        return ProjectionRunner.builder(store, ReplicationConnection.of(Database.jdbcUrl())).slot(slot)
                .readModelSwitch("balances", ReadModelSwitch.views(schema + ".accounts"));
    }

    /** Version 1 of the balances projection, writing {@code accounts_v1}. */
    AccountBalances version1() {
        return new AccountBalances(schema, "accounts_v1");
    }

    /** Version 2 of the balances projection, writing {@code accounts_v2}. */
    AccountBalancesV2 version2() {
        return new AccountBalancesV2(schema, "accounts_v2");
    }

    /** Appends {@code events} events to accounts {@code pre-0…}, ten to an append. */
    void prefill(int events) {
        for (int account = 0; account * 10 < events; account++) {
            String id = "pre-" + account;
            List<Object> batch = new ArrayList<>();
            batch.add(new AccountOpened(id, "o"));
            for (int i = 1; i < 10; i++) {
                batch.add(i % 3 == 0 ? new MoneyWithdrawn(id, i) : new MoneyDeposited(id, 10L * i));
            }
            store.append(StreamId.of("account", id), ExpectedVersion.noStream(), batch);
        }
    }

    /** Appends about {@code eventsPerSecond} events a second, from two threads, until stopped. */
    Writing startWriting(int eventsPerSecond) {
        return new Writing(store, eventsPerSecond).start();
    }

    /** Reads the view {@code accounts} over and over, with the current version, until stopped. */
    ViewReader startReader() {
        return new ViewReader(dataSource, "SELECT r.version, a.account_id, a.events FROM " + schema
                + ".stele_read_models r, " + schema + ".accounts a WHERE r.projection_name = 'balances'").start();
    }

    void awaitCurrent(ProjectionRunner runner, int version, Duration timeout) throws InterruptedException {
        awaitCondition(timeout, () -> runner.currentVersion("balances").equals(OptionalInt.of(version)));
        if (!runner.currentVersion("balances").equals(OptionalInt.of(version))) {
            throw new AssertionError("version " + version + " did not become current in " + timeout + ": "
                    + runner.status());
        }
    }

    void awaitState(ProjectionRunner runner, String projection, ProjectionStatus.State state, Duration timeout)
            throws InterruptedException {
        awaitCondition(timeout, () -> runner.status().projection(projection).map(ProjectionStatus::state)
                .orElse(null) == state);
        if (runner.status().projection(projection).map(ProjectionStatus::state).orElse(null) != state) {
            throw new AssertionError(projection + " did not reach " + state + " in " + timeout + ": "
                    + runner.status());
        }
    }

    void awaitCondition(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && !condition.getAsBoolean()) {
            Thread.sleep(50);
        }
    }

    void awaitTableEqualsRebuild(String table, Duration timeout) throws Exception {
        awaitCondition(timeout, () -> {
            try {
                return table(table).equals(rebuilt());
            } catch (SQLException e) {
                return false;
            }
        });
        org.assertj.core.api.Assertions.assertThat(table(table)).as(table).isEqualTo(rebuilt());
    }

    /** Whether the view {@code accounts} reads {@code table}. */
    boolean viewDefinitionReads(String table) throws SQLException {
        return select("SELECT 'v', pg_get_viewdef('" + schema + ".accounts')").get("v").contains(table);
    }

    Map<String, String> view() throws SQLException {
        return table("accounts");
    }

    private Map<String, String> table(String table) throws SQLException {
        return select("SELECT account_id, balance || '/' || events FROM " + schema + "." + table);
    }

    /** What a clean rebuild from the events table gives: account → balance/events. */
    Map<String, String> rebuilt() throws SQLException {
        return select("SELECT stream_id, sum(CASE event_name"
                + " WHEN 'MoneyDeposited' THEN (payload->>'amountMinor')::bigint"
                + " WHEN 'MoneyWithdrawn' THEN -(payload->>'amountMinor')::bigint ELSE 0 END) || '/' || count(*)"
                + " FROM " + schema + ".stele_events GROUP BY stream_id");
    }

    /** Reads, over and over, whether {@code name} has caught up and whether a version of it is current. */
    CaughtUpWatch watchCaughtUp(String name) {
        return new CaughtUpWatch(dataSource, "SELECT p.caught_up, EXISTS (SELECT 1 FROM " + schema
                + ".stele_read_models r WHERE r.projection_name = p.projection_name) FROM " + schema
                + ".stele_projections p WHERE p.name = '" + name + "'").start();
    }

    /** Whether registration {@code name} has ended its catch-up, as stored. */
    boolean caughtUp(String name) {
        try {
            return "true".equals(select("SELECT name, caught_up::text FROM " + schema + ".stele_projections WHERE name = '"
                    + name + "'").get(name));
        } catch (SQLException e) {
            return false;
        }
    }

    List<String> registrations() throws SQLException {
        return List.copyOf(select("SELECT name, name FROM " + schema + ".stele_projections").keySet());
    }

    boolean tableExists(String table) throws SQLException {
        return select("SELECT 't', (to_regclass('" + schema + "." + table + "') IS NOT NULL)::text").get("t")
                .equals("true");
    }

    private Map<String, String> select(String sql) throws SQLException {
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

    /** Drops the slot and its publication once nothing reads it, so slots do not pile up in the shared server. */
    @Override
    public void close() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            awaitCondition(Duration.ofSeconds(10), () -> {
                try {
                    return select("SELECT 'n', count(*)::text FROM pg_replication_slots WHERE slot_name = '" + slot
                            + "' AND active").get("n").equals("0");
                } catch (SQLException e) {
                    return false;
                }
            });
            statement.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
                    + " WHERE slot_name = '" + slot + "' AND NOT active");
            statement.execute("DROP PUBLICATION IF EXISTS " + slot);
        }
    }
}
