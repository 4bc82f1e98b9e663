package dev.stele.it.store;

import dev.stele.catalog.Catalog;
import dev.stele.demo.Database;
import dev.stele.store.EventStore;
import dev.stele.store.EventStoreOptions;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
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

    /**
     * A fresh store whose connections count each {@code rollback()} the store calls: it rolls back only
     * what fails, so with new event ids and {@code ExpectedVersion.any()} each one is an internal retry.
     */
    static EventStore countingRollbacks(LongAdder rollbacks) {
        DataSource counting = (DataSource) Proxy.newProxyInstance(Stores.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(method, DATA_SOURCE, args);
                    return result instanceof Connection connection ? counted(connection, rollbacks) : result;
                });
        return EventStore.create(counting, CATALOG, EventStoreOptions.defaults().withSchema(freshSchema()));
    }

    private static Connection counted(Connection connection, LongAdder rollbacks) {
        return (Connection) Proxy.newProxyInstance(Stores.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("rollback") && method.getParameterCount() == 0) {
                        rollbacks.increment();
                    }
                    return invoke(method, connection, args);
                });
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
