package dev.stele.bench;

import dev.stele.catalog.Catalog;
import dev.stele.demo.Database;
import dev.stele.store.EventStore;
import dev.stele.store.EventStoreOptions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A store in a schema of its own (outbox off) with a slot and publication named after it, so that every
 * measurement starts from an empty table and a slot nobody else reads; closing drops all of it.
 */
final class BenchSchema implements AutoCloseable {

    static final Catalog CATALOG = Catalog.load();
    private static final AtomicInteger COUNTER = new AtomicInteger();

    final String name;
    final String slot;
    final EventStoreOptions options;
    final EventStore store;
    final Workload workload;

    BenchSchema(String label) {
        this.name = "pb_" + label + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        this.slot = name + "_slot";
        this.options = EventStoreOptions.defaults().withSchema(name).withOutbox(false);
        this.store = EventStore.create(Database.dataSource(), CATALOG, options);
        this.workload = new Workload(store);
    }

    String eventsTable() {
        return name + ".stele_events";
    }

    /**
     * For the baselines: the publication of the events table (inserts) and a pgoutput slot, both made
     * before anything is written, so a reader that starts later misses nothing.
     */
    void createSlotAndPublication() throws SQLException {
        try (Connection connection = Database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE PUBLICATION " + slot + " FOR TABLE " + eventsTable() + " WITH (publish = 'insert')");
            statement.execute("SELECT pg_create_logical_replication_slot('" + slot + "', 'pgoutput')");
        }
    }

    /** Statistics as autovacuum would have gathered them. */
    void analyze() throws SQLException {
        execute("ANALYZE " + eventsTable());
    }

    void execute(String sql) throws SQLException {
        try (Connection connection = Database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Drops the slot (once its reader has let go of it), the publication and the schema. */
    @Override
    public void close() throws SQLException {
        try (Connection connection = Database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            for (int attempt = 0; attempt < 200; attempt++) {
                try (ResultSet rows = statement.executeQuery("SELECT active FROM pg_replication_slots"
                        + " WHERE slot_name = '" + slot + "'")) {
                    if (!rows.next()) {
                        break;
                    }
                    if (!rows.getBoolean(1)) {
                        statement.execute("SELECT pg_drop_replication_slot('" + slot + "')");
                        break;
                    }
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted while waiting for slot " + slot + " to be released", e);
                }
            }
            statement.execute("DROP PUBLICATION IF EXISTS " + slot);
            statement.execute("DROP SCHEMA " + name + " CASCADE");
        }
    }
}
