package dev.stele.maven.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;

/**
 * The PostgreSQL 17 of the database goals' invoker ITs, started in Maven's JVM by
 * {@code src/it/setup-shop/prebuild.groovy} (the invoker puts the test class path on its scripts' path) on the port
 * the ITs' poms name, and stopped when that JVM exits. Configured as the projection runner needs it.
 */
public final class ItDatabase {

    private static EmbeddedPostgres server;

    private ItDatabase() {
    }

    /** Starts the server on {@code port} once; later calls do nothing. */
    public static synchronized void start(int port) throws IOException {
        if (server != null) {
            return;
        }
        EmbeddedPostgres started = EmbeddedPostgres.builder()
                .setPort(port)
                .setServerConfig("wal_level", "logical")
                .setServerConfig("max_replication_slots", "10")
                .setServerConfig("max_wal_senders", "10")
                .start();
        server = started;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                started.close();
            } catch (IOException e) {
                System.err.println("could not stop the ITs' PostgreSQL: " + e.getMessage());
            }
        }, "stele-it-postgres-stop"));
    }
}
