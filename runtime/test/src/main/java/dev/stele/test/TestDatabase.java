package dev.stele.test;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL for tests, configured as every Stele feature needs it ({@code wal_level=logical}, room for
 * replication slots and WAL senders): the server named by the environment variable
 * {@value #URL_VARIABLE} or the system property {@value #URL_PROPERTY} if one is set, else an embedded
 * PostgreSQL 17 started from binaries on the class path the first time it is asked for, once per JVM,
 * and stopped when the JVM exits. No install and no Docker; it runs as root too (the server is started
 * in a user namespace).
 *
 * <pre>{@code
 * EventStore store = EventStore.create(TestDatabase.dataSource(), Catalog.load());
 * }</pre>
 *
 * <p>Each test should use its own streams (or its own {@code EventStoreOptions} schema or table prefix):
 * the database is shared by every test of the JVM.
 */
public final class TestDatabase {

    /** The environment variable naming a server to use instead of the embedded one. */
    public static final String URL_VARIABLE = "STELE_JDBC_URL";

    /** The system property naming a server to use instead of the embedded one; it wins over the variable. */
    public static final String URL_PROPERTY = "stele.jdbc.url";

    private TestDatabase() {
    }

    /** A connection pool over the server (at most 12 connections), as an application would have. */
    public static DataSource dataSource() {
        return Pool.POOL;
    }

    /** Connections that are not pooled, for what must not share a pool, such as a replication connection. */
    public static DataSource unpooled() {
        PGSimpleDataSource direct = new PGSimpleDataSource();
        direct.setURL(jdbcUrl());
        return direct;
    }

    /** The JDBC URL of the server, with user and password. */
    public static String jdbcUrl() {
        String configured = configuredUrl();
        return configured != null ? configured : Embedded.SERVER.getJdbcUrl("postgres", "postgres");
    }

    /** Where the server is, for logs: the configured URL or {@code embedded PostgreSQL on port 5xxxx}. */
    public static String describe() {
        String configured = configuredUrl();
        return configured != null ? configured : "embedded PostgreSQL on port " + Embedded.SERVER.getPort();
    }

    private static String configuredUrl() {
        String url = System.getProperty(URL_PROPERTY, System.getenv(URL_VARIABLE));
        return url == null || url.isBlank() ? null : url;
    }

    /** Holder idiom: the pool opens when first asked for. */
    private static final class Pool {

        static final HikariDataSource POOL = open();

        private static HikariDataSource open() {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(jdbcUrl());
            config.setMaximumPoolSize(12);
            config.setPoolName("stele-test");
            HikariDataSource pool = new HikariDataSource(config);
            Shutdown.close(pool);
            return pool;
        }
    }

    /** Holder idiom: the server starts when first asked for. */
    private static final class Embedded {

        static final EmbeddedPostgres SERVER = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres server = EmbeddedPostgres.builder()
                        .setServerConfig("wal_level", "logical")
                        .setServerConfig("max_replication_slots", "10")
                        .setServerConfig("max_wal_senders", "10")
                        .setServerConfig("max_connections", "100")
                        .start();
                Shutdown.stop(server);
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
        }
    }

    /** One hook at JVM exit: the pool closes before the server it connects to stops. */
    private static final class Shutdown {

        private static volatile HikariDataSource pool;
        private static volatile EmbeddedPostgres server;

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(Shutdown::run, "stele-test-shutdown"));
        }

        static void close(HikariDataSource opened) {
            pool = opened;
        }

        static void stop(EmbeddedPostgres started) {
            server = started;
        }

        private static void run() {
            if (pool != null) {
                pool.close();
            }
            if (server != null) {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the data directory is temporary anyway
                }
            }
        }
    }
}
