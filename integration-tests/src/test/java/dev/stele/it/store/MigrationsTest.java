package dev.stele.it.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.store.EventStore;
import dev.stele.store.EventStoreOptions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    @Test
    void migrationsRunTwiceAndConcurrentlyWithoutHarm() throws Exception {
        EventStoreOptions options = EventStoreOptions.defaults().withSchema(Stores.freshSchema());
        startAtOnce(6, options);
        EventStore.create(Stores.DATA_SOURCE, Stores.CATALOG, options);

        try (Connection connection = Stores.DATA_SOURCE.getConnection(); ResultSet rows = connection.createStatement()
                .executeQuery("SELECT version, description FROM " + options.schema() + ".stele_schema_migrations"
                        + " ORDER BY version")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(1);
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(2);
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(3);
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(4);
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(5);
            assertThat(rows.next()).as("each migration is recorded once").isFalse();
        }
    }

    /**
     * Instances starting at once on connections that have looked the schema up before (a warm pool): the
     * one that waits for the migrations' lock must see the schema another created meanwhile, not create it
     * again. With the lock taken inside the migrations' transaction, PostgreSQL remembered the schema as
     * missing and this failed in nearly every round (unique violation on pg_namespace).
     */
    @RepeatedTest(20)
    void instancesStartingAtOnceOnAWarmPoolMigrateOnce() throws Exception {
        EventStoreOptions options = EventStoreOptions.defaults().withSchema(Stores.freshSchema());

        startAtOnce(6, options);

        assertThat(migrationsRecorded(options.schema())).isEqualTo(5);
    }

    /** {@code instances} stores created at the same moment on threads of their own, each started. */
    private static void startAtOnce(int instances, EventStoreOptions options) throws Exception {
        CyclicBarrier start = new CyclicBarrier(instances);
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            List<Future<EventStore>> started = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                Callable<EventStore> instance = () -> {
                    start.await();
                    return EventStore.create(Stores.DATA_SOURCE, Stores.CATALOG, options);
                };
                started.add(pool.submit(instance));
            }
            for (Future<EventStore> store : started) {
                assertThat(store.get()).isNotNull();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static int migrationsRecorded(String schema) throws Exception {
        try (Connection connection = Stores.DATA_SOURCE.getConnection(); ResultSet rows = connection.createStatement()
                .executeQuery("SELECT count(*) FROM " + schema + ".stele_schema_migrations")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    @Test
    void aTablePrefixKeepsTwoStoresApartInOneSchema() {
        String schema = Stores.freshSchema();
        EventStore orders = EventStore.create(Stores.DATA_SOURCE, Stores.CATALOG,
                EventStoreOptions.defaults().withSchema(schema).withTablePrefix("orders_"));
        EventStore billing = EventStore.create(Stores.DATA_SOURCE, Stores.CATALOG,
                EventStoreOptions.defaults().withSchema(schema).withTablePrefix("billing_"));

        orders.append(dev.stele.store.StreamId.of("account", "a"), dev.stele.store.ExpectedVersion.any(),
                List.of(new dev.stele.it.events.MoneyDeposited("a", 1)));

        assertThat(orders.version(dev.stele.store.StreamId.of("account", "a"))).isEqualTo(1);
        assertThat(billing.version(dev.stele.store.StreamId.of("account", "a"))).isZero();
    }
}
