package dev.stele.it.relay;

import dev.stele.catalog.Catalog;
import dev.stele.demo.Database;
import dev.stele.relay.OutboxRelay;
import dev.stele.relay.OutboxRecord;
import dev.stele.relay.Publisher;
import dev.stele.replication.ReplicationConnection;
import dev.stele.store.EventStore;
import dev.stele.store.EventStoreOptions;
import dev.stele.store.OutboxMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/** A store in a schema of its own, a relay slot of its own, and helpers to wait and look. */
public final class RelayFixture implements AutoCloseable {

    public static final Catalog CATALOG = Catalog.load();
    public static final DataSource DATA_SOURCE = Database.dataSource();
    private static final AtomicInteger COUNTER = new AtomicInteger();

    public final String schema;
    public final String slot;
    public final EventStoreOptions options;
    public final EventStore store;

    public RelayFixture(OutboxMode mode) {
        int n = COUNTER.incrementAndGet();
        this.schema = "relay_" + ProcessHandle.current().pid() + "_" + n;
        this.slot = "it_relay_" + ProcessHandle.current().pid() + "_" + n;
        this.options = EventStoreOptions.defaults().withSchema(schema).withOutbox(mode);
        this.store = EventStore.create(DATA_SOURCE, CATALOG, options);
    }

    public static ReplicationConnection replication() {
        return ReplicationConnection.of(Database.jdbcUrl());
    }

    public OutboxRelay.Builder relay(Publisher publisher) {
        return OutboxRelay.builder(store, replication()).slot(slot).publisher(publisher)
                .heartbeatInterval(Duration.ofMillis(300)).retryDelay(Duration.ofMillis(50), Duration.ofMillis(500));
    }

    /** The store with the same tables writing its outbox as {@code mode}. */
    EventStore store(OutboxMode mode) {
        return EventStore.create(DATA_SOURCE, CATALOG, options.withOutbox(mode));
    }

    public long count(String sql) throws SQLException {
        try (Connection connection = DATA_SOURCE.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The event ids of the events table in append (global position) order. */
    List<String> eventIds() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = DATA_SOURCE.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "SELECT event_id::text FROM " + schema + ".stele_events ORDER BY global_position");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    /** An event as the events table holds it. */
    public record Stored(String id, String category, String streamId, long version, String name, String payload) {
    }

    /** The events of the events table, by event id, in append (global position) order. */
    public java.util.LinkedHashMap<String, Stored> stored() throws SQLException {
        java.util.LinkedHashMap<String, Stored> stored = new java.util.LinkedHashMap<>();
        try (Connection connection = DATA_SOURCE.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "SELECT event_id::text, stream_category, stream_id, stream_version, event_name, payload::text FROM "
                        + schema + ".stele_events ORDER BY global_position");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                stored.put(rows.getString(1), new Stored(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getLong(4), rows.getString(5), rows.getString(6)));
            }
        }
        return stored;
    }

    static List<String> ids(List<OutboxRecord> records) {
        return records.stream().map(r -> r.id().toString()).toList();
    }

    public static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() throws SQLException {
        OutboxRelay.forgetSlot(DATA_SOURCE, options, slot);
        try (Connection connection = DATA_SOURCE.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP PUBLICATION IF EXISTS " + slot);
        }
    }
}
