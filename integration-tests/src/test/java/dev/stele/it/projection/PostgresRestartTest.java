package dev.stele.it.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.stele.replication.ProjectionOptions;
import dev.stele.replication.ProjectionRunner;
import dev.stele.replication.ProjectionStatus;
import dev.stele.replication.RunnerStatus;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stops (a fast shutdown) and starts again on the same data directory and port while writers
 * append and the runner reads: the runner reconnects by itself (RECONNECTING, then RUNNING) and the read
 * model ends equal to a clean rebuild. Each test has a server of its own, so the other tests' server is not
 * disturbed.
 */
class PostgresRestartTest {

    private static final int RESTARTS = 2;
    private static final long SEED = Long.getLong("stele.faults.seed", System.nanoTime());

    private Path dataDirectory;
    private int port;
    private EmbeddedPostgres server;
    private String url;
    private HikariDataSource pool;
    private Writers writers;
    private ProjectionRunner runner;

    @BeforeEach
    void startServer() throws IOException {
        dataDirectory = Files.createTempDirectory(Path.of("target"), "pg-restart-").toAbsolutePath();
        port = freePort();
        server = start();
        url = server.getJdbcUrl("postgres", "postgres");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(12);
        config.setPoolName("stele-it-restart");
        config.setConnectionTimeout(2_000);
        pool = new HikariDataSource(config);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (runner != null) {
            runner.close();
        }
        if (writers != null) {
            writers.close();
        }
        pool.close();
        server.close();
        // after a failed stop, the server ends once the runner has let go of it
        Projections.await(Duration.ofSeconds(30), () -> !Files.exists(dataDirectory.resolve("postmaster.pid")));
        try (Stream<Path> paths = Files.walk(dataDirectory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void reconnectsByItselfWhenPostgresRestartsMidStream() throws Exception {
        System.out.println("PostgresRestartTest seed " + SEED);
        Random random = new Random(SEED);
        Projections projections = new Projections(pool, url);
        StateLog log = new StateLog();
        writers = new Writers(projections.store, 4, 200, 100, true, SEED).start();
        writers.awaitWritten(3_000, Duration.ofSeconds(60));
        writers.pace(1_000);
        runner = projections.runner(ProjectionOptions.defaults().withPartitions(4)).listener(log).build();
        runner.start();

        int mark = 0;
        for (int restart = 0; restart < RESTARTS; restart++) {
            StateLog.Change running = log.await(RunnerStatus.State.RUNNING, mark, Duration.ofSeconds(60));
            assertThat(running).as("restart %d: reading before; states: %s", restart, log).isNotNull();
            Thread.sleep(500 + random.nextInt(1_500));
            long writtenBefore = writers.written();
            mark = log.mark();
            stopServer();
            Thread.sleep(1_000 + random.nextInt(1_000));
            StateLog.Change reconnecting = log.await(RunnerStatus.State.RECONNECTING, mark, Duration.ofSeconds(10));
            assertThat(reconnecting).as("restart %d: reconnecting while the server is down; states: %s", restart, log)
                    .isNotNull();
            server = start();
            StateLog.Change back = log.await(RunnerStatus.State.RUNNING, log.indexOf(reconnecting),
                    Duration.ofSeconds(60));
            assertThat(back).as("restart %d: reading again; states: %s", restart, log).isNotNull();
            assertThat(writtenBefore).as("restart %d: writers were writing", restart).isLessThan(writers.total());
            mark = log.indexOf(back);
        }
        System.out.println("PostgresRestartTest states:" + log + "\nwriter retries " + writers.retries());

        writers.await(Duration.ofSeconds(120));
        projections.awaitProjected(Duration.ofSeconds(60));
        assertThat(writers.retries()).as("the writers saw the server go").isPositive();
        assertThat(projections.eventCount()).isEqualTo(writers.total());
        assertThat(projections.projected()).isEqualTo(projections.rebuilt());
        assertThat(log.poisoned()).isEmpty();
        RunnerStatus status = runner.status();
        assertThat(status.state()).isEqualTo(RunnerStatus.State.RUNNING);
        assertThat(status.projection("balances").orElseThrow().state()).isEqualTo(ProjectionStatus.State.LIVE);
    }

    /**
     * A fast shutdown ends the sessions, then waits until each walsender's receiver has confirmed all it was
     * sent, or has gone: an idle runner must notice that its other connections were ended, or the server never
     * stops.
     */
    @Test
    void anIdleRunnerLetsPostgresShutDownThenReconnects() throws Exception {
        Projections projections = new Projections(pool, url);
        StateLog log = new StateLog();
        new Writers(projections.store, 2, 20, 10, false, SEED).start().await(Duration.ofSeconds(60));
        runner = projections.runner(ProjectionOptions.defaults().withPartitions(4)).listener(log).build();
        runner.start();
        projections.awaitProjected(Duration.ofSeconds(30));
        Thread.sleep(1_000); // idle: nothing more to read

        int mark = log.mark();
        stopServer();
        server = start();
        StateLog.Change reconnecting = log.await(RunnerStatus.State.RECONNECTING, mark, Duration.ofSeconds(10));
        assertThat(reconnecting).as("states: %s", log).isNotNull();
        assertThat(log.await(RunnerStatus.State.RUNNING, log.indexOf(reconnecting), Duration.ofSeconds(60)))
                .as("states: %s", log).isNotNull();
        writers = new Writers(projections.store, 2, 20, 10, false, SEED + 1).streamsNamed("late-").start();
        writers.await(Duration.ofSeconds(60));
        projections.awaitProjected(Duration.ofSeconds(30));
        assertThat(projections.eventCount()).isEqualTo(2 * 20 * 10);
        assertThat(log.poisoned()).isEmpty();
    }

    /**
     * Stops the server (pg_ctl stop -m fast) and checks it did stop: zonky waits 5 s, then only logs a failure
     * and leaves the server shutting down; give it 30 s in all (pg_ctl's own default is 60 s).
     */
    private void stopServer() throws Exception {
        server.close();
        Path pid = dataDirectory.resolve("postmaster.pid");
        Projections.await(Duration.ofSeconds(25), () -> !Files.exists(pid));
        assertThat(pid).as("the server stopped within 30 s").doesNotExist();
    }

    /** Started again on the same data directory and port: the slot, the tables and the URL survive. */
    private EmbeddedPostgres start() throws IOException {
        return EmbeddedPostgres.builder()
                .setServerConfig("wal_level", "logical")
                .setServerConfig("max_replication_slots", "4")
                .setServerConfig("max_wal_senders", "4")
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
