package dev.stele.it.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.replication.ProjectionOptions;
import dev.stele.replication.ProjectionRunner;
import dev.stele.replication.ProjectionStatus;
import dev.stele.replication.RunnerStatus;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one slot: a runner in a child JVM reads it, one in this JVM stands by. The child is killed
 * with SIGKILL while writers append; the standby takes over within seconds and the read model ends equal to
 * a clean rebuild.
 */
class StandbyTakeoverTest {

    private static final long SEED = Long.getLong("stele.faults.seed", System.nanoTime());
    /** Generous for a loaded 2-core machine: the standby polls every second and takes about one more to start. */
    private static final Duration TAKES_OVER_WITHIN = Duration.ofSeconds(15);

    private Projections projections;
    private Writers writers;
    private ChildRunner active;
    private ProjectionRunner standby;

    @AfterEach
    void cleanUp() throws Exception {
        if (standby != null) {
            standby.close();
        }
        if (writers != null) {
            writers.close();
        }
        if (active != null) {
            active.close();
        }
        if (projections != null) {
            projections.dropSlotWhenInactive(Duration.ofSeconds(30));
        }
    }

    @Test
    void theStandbyTakesOverWithinSecondsWhenTheActiveInstanceIsKilled() throws Exception {
        System.out.println("StandbyTakeoverTest seed " + SEED);
        projections = new Projections();
        writers = new Writers(projections.store, 4, 200, 100, false, SEED).start();
        writers.awaitWritten(3_000, Duration.ofSeconds(60));
        writers.pace(1_000);
        active = ChildRunner.start("active", projections.jdbcUrl, projections.schema, projections.slot, 4);
        assertThat(active.awaitState("RUNNING", Duration.ofSeconds(60))).as("the child reads the slot").isTrue();

        StateLog log = new StateLog();
        standby = projections.runner(ProjectionOptions.defaults().withPartitions(4)).listener(log).build();
        standby.start();
        // several of its polls for the slot's lock, while the child applies what the writers append
        long appliedBefore = projections.projectedEvents();
        Thread.sleep(3_000);
        RunnerStatus waiting = standby.status();
        assertThat(waiting.state()).as("states: %s", log).isEqualTo(RunnerStatus.State.STANDBY);
        assertThat(waiting.projection("balances").orElseThrow().state()).isEqualTo(ProjectionStatus.State.IDLE);
        assertThat(log.changes()).extracting(StateLog.Change::state).containsOnly(RunnerStatus.State.STANDBY);
        assertThat(projections.projectedEvents()).as("the child went on applying").isGreaterThan(appliedBefore);

        int mark = log.mark();
        long killed = System.nanoTime();
        assertThat(active.kill()).as("killed by SIGKILL").isEqualTo(ChildRunner.KILLED);
        assertThat(writers.done()).as("writers still appending at the kill").isFalse();
        StateLog.Change running = log.await(RunnerStatus.State.RUNNING, mark, TAKES_OVER_WITHIN);
        assertThat(running).as("the standby reads the slot within %s of the kill; states: %s", TAKES_OVER_WITHIN, log)
                .isNotNull();
        System.out.println("StandbyTakeoverTest took over in " + TimeUnit.NANOSECONDS.toMillis(running.nanos() - killed)
                + " ms; states:" + log);

        writers.await(Duration.ofSeconds(120));
        projections.awaitProjected(Duration.ofSeconds(60));
        assertThat(projections.eventCount()).isEqualTo(writers.total());
        assertThat(projections.projected()).isEqualTo(projections.rebuilt());
        assertThat(active.failures()).isEmpty();
        assertThat(log.poisoned()).isEmpty();
        assertThat(standby.status().projection("balances").orElseThrow().state())
                .isEqualTo(ProjectionStatus.State.LIVE);
    }
}
