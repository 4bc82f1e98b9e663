package dev.stele.demo;

import dev.stele.test.TestDatabase;
import javax.sql.DataSource;

/**
 * The PostgreSQL the demo, the tests and the benchmarks use: {@code stele-test}'s {@link TestDatabase},
 * the server named by {@code STELE_JDBC_URL} (environment) or {@code -Dstele.jdbc.url} if set, else an
 * embedded PostgreSQL 17 with {@code wal_level=logical}, started once per JVM.
 */
public final class Database {

    private Database() {
    }

    /** A connection pool over the server, as an application would have. */
    public static DataSource dataSource() {
        return TestDatabase.dataSource();
    }

    /** Unpooled connections, for what must not share a pool (a replication connection). */
    public static DataSource unpooled() {
        return TestDatabase.unpooled();
    }

    public static String jdbcUrl() {
        return TestDatabase.jdbcUrl();
    }

    /** Where the data source points, for logs. */
    public static String describe() {
        return TestDatabase.describe();
    }
}
