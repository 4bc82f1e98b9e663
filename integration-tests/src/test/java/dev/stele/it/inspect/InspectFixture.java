package dev.stele.it.inspect;

import dev.stele.catalog.Catalog;
import dev.stele.demo.Database;
import dev.stele.inspect.Inspector;
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

/** A store in a schema of its own and an inspector of it; SQL to check the inspector against. */
final class InspectFixture {

    static final Catalog CATALOG = Catalog.load();
    static final DataSource DATA_SOURCE = Database.dataSource();
    private static final AtomicInteger COUNTER = new AtomicInteger();

    final String schema;
    final EventStoreOptions options;
    final EventStore store;
    final Inspector inspector;

    InspectFixture() {
        this.schema = freshName("insp");
        this.options = EventStoreOptions.defaults().withSchema(schema);
        this.store = EventStore.create(DATA_SOURCE, CATALOG, options);
        this.inspector = Inspector.of(DATA_SOURCE, options, CATALOG);
    }

    /** A name no other test of this JVM or another uses: a schema's, a slot's. */
    static String freshName(String prefix) {
        return prefix + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    }

    /** The rows of a query, each row's columns joined by {@code |}. */
    static List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DATA_SOURCE.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i == 1 ? "" : "|").append(result.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    static void execute(String sql) throws SQLException {
        try (Connection connection = DATA_SOURCE.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Drops the slot and its publication if no process reads it. */
    static void dropSlot(String slot) throws SQLException {
        execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '" + slot
                + "' AND NOT active");
        execute("DROP PUBLICATION IF EXISTS " + slot);
    }

    static boolean await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }
}
