package dev.stele.it.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.stele.replication.ProjectionOptions;
import dev.stele.replication.ProjectionRunner;
import dev.stele.replication.ProjectionStatus;
import dev.stele.replication.RunnerStatus;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server ends the runner's connections ({@code pg_terminate_backend}) while writers append: first all of
 * them during its catch-up, then, round after round, its walsender, all its worker connections, or one worker
 * in the middle of a transaction. Each time the runner reconnects by itself, with backoff, reporting the
 * server's reason, and in the end the read model equals a clean rebuild.
 */
class DroppedConnectionTest {

    private static final int ROUNDS = 9;
    private static final long SEED = Long.getLong("stele.faults.seed", System.nanoTime());
    /** Far above the first reconnection delays (0.1 to 0.4 s); a backoff that only grows passes it by round 8. */
    private static final Duration RECONNECTED_WITHIN = Duration.ofSeconds(10);
    /** What a backend ended by pg_terminate_backend tells its client. */
    private static final String ADMIN_SHUTDOWN = "57P01";

    private Projections projections;
    private Writers writers;
    private HikariDataSource pool;
    private ProjectionRunner runner;

    private enum Target {
        WALSENDER, EVERY_WORKER, ONE_WORKER_IN_A_TRANSACTION
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (runner != null) {
            runner.close();
        }
        if (writers != null) {
            writers.close();
        }
        if (pool != null) {
            pool.close();
        }
        if (projections != null) {
            projections.dropSlotWhenInactive(Duration.ofSeconds(30));
        }
    }

    @Test
    void reconnectsByItselfEachTimeItsConnectionsAreTerminatedAndAppliesEveryEventOnce() throws Exception {
        System.out.println("DroppedConnectionTest seed " + SEED);
        Random random = new Random(SEED);
        projections = new Projections();
        String applicationName = "stele-it-" + projections.slot;
        pool = projections.pool(applicationName, 8);
        StateLog log = new StateLog();
        writers = new Writers(projections.store, 4, 300, 100, false, SEED).start();
        writers.awaitWritten(15_000, Duration.ofSeconds(60)); // a catch-up of a second or two
        writers.pace(700);
        runner = projections.runner(pool, ProjectionOptions.defaults().withPartitions(4)).listener(log).build();
        runner.start();

        // first while it catches up from the events table
        StateLog.Change catchingUp = log.await(RunnerStatus.State.CATCHING_UP, 0, Duration.ofSeconds(60));
        assertThat(catchingUp).as("states: %s", log).isNotNull();
        assertThat(terminate(Target.EVERY_WORKER, applicationName)).isPositive();
        StateLog.Change interrupted = log.await(RunnerStatus.State.RECONNECTING, 0, Duration.ofSeconds(30));
        assertThat(interrupted).as("reconnecting; states: %s", log).isNotNull();
        assertThat(log.changes().get(log.indexOf(interrupted) - 1).state()).as("interrupted its catch-up: %s", log)
                .isEqualTo(RunnerStatus.State.CATCHING_UP);
        assertThat(sqlState(interrupted.problem())).as("the server's reason: %s", interrupted.problem())
                .isEqualTo(ADMIN_SHUTDOWN);

        // then while it reads the slot
        List<Long> reconnections = new ArrayList<>();
        int mark = log.indexOf(interrupted);
        for (int round = 0; round < ROUNDS; round++) {
            StateLog.Change running = log.await(RunnerStatus.State.RUNNING, mark, Duration.ofSeconds(60));
            assertThat(running).as("round %d: running before the drop; states: %s", round, log).isNotNull();
            Thread.sleep(300 + random.nextInt(900));
            assertThat(writers.done()).as("round %d: writers still appending", round).isFalse();
            mark = log.mark();
            Target target = Target.values()[round % Target.values().length];
            assertThat(terminate(target, applicationName)).as("round %d: %s terminated", round, target).isPositive();
            long dropped = System.nanoTime();

            StateLog.Change reconnecting = log.await(RunnerStatus.State.RECONNECTING, mark, Duration.ofSeconds(30));
            assertThat(reconnecting).as("round %d: reconnecting after %s; states: %s", round, target, log)
                    .isNotNull();
            if (target != Target.WALSENDER) {
                assertThat(sqlState(reconnecting.problem())).as("round %d: the server's reason: %s", round,
                        reconnecting.problem()).isEqualTo(ADMIN_SHUTDOWN);
            }
            mark = log.indexOf(reconnecting);
            StateLog.Change back = log.await(RunnerStatus.State.RUNNING, mark, Duration.ofSeconds(60));
            assertThat(back).as("round %d: running again; states: %s", round, log).isNotNull();
            reconnections.add(TimeUnit.NANOSECONDS.toMillis(back.nanos() - dropped));
            mark = log.indexOf(back);
        }
        System.out.println("DroppedConnectionTest reconnected after (ms) " + reconnections + "; states:" + log);

        writers.await(Duration.ofSeconds(120));
        projections.awaitProjected(Duration.ofSeconds(60));
        assertThat(projections.eventCount()).isEqualTo(writers.total());
        assertThat(projections.projected()).isEqualTo(projections.rebuilt());
        assertThat(log.poisoned()).isEmpty();
        ProjectionStatus balances = runner.status().projection("balances").orElseThrow();
        assertThat(balances.state()).isEqualTo(ProjectionStatus.State.LIVE);
        assertThat(reconnections).as("milliseconds from each drop to reading again")
                .allSatisfy(millis -> assertThat(millis).isLessThan(RECONNECTED_WITHIN.toMillis()));
    }

    /** The first SQL state in the chain of causes; null if none. */
    private static String sqlState(Throwable problem) {
        for (Throwable cause = problem; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** Ends the target's server processes; how many. */
    private int terminate(Target target, String applicationName) throws Exception {
        List<Integer> pids = new ArrayList<>();
        Map<Integer, String> backends = projections.backends(applicationName);
        switch (target) {
            case WALSENDER -> pids.add(projections.walsenderPid());
            case EVERY_WORKER -> pids.addAll(backends.keySet());
            case ONE_WORKER_IN_A_TRANSACTION -> backends.entrySet().stream()
                    // only partition workers hold transactions open on the runner's pool
                    .filter(backend -> backend.getValue().startsWith("idle in transaction"))
                    .findFirst()
                    .ifPresentOrElse(backend -> pids.add(backend.getKey()), () -> pids.addAll(backends.keySet()));
        }
        int terminated = 0;
        for (int pid : pids) {
            if (pid != 0 && projections.terminate(pid)) {
                terminated++;
            }
        }
        return terminated;
    }
}
