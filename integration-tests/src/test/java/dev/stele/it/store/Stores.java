package dev.stele.it.store;

import dev.stele.catalog.Catalog;
import dev.stele.demo.Database;
import dev.stele.store.EventStore;
import dev.stele.store.EventStoreOptions;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** A fresh store per test, each in a schema of its own on the JVM's one PostgreSQL. */
final class Stores {

    static final Catalog CATALOG = Catalog.load();
    static final DataSource DATA_SOURCE = Database.dataSource();
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private Stores() {
    }

    static String freshSchema() {
        return "it_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
    }

    static EventStore fresh() {
        return EventStore.create(DATA_SOURCE, CATALOG, EventStoreOptions.defaults().withSchema(freshSchema()));
    }
}
