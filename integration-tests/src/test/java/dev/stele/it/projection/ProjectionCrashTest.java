package dev.stele.it.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The exactly-once effect under crashes: a runner in a child JVM is killed with SIGKILL at random moments,
 * during its catch-up from the events table and while it reads the slot, and started again each time, while
 * writers append. The read model ends equal to a clean rebuild, and no projection ever stopped (the
 * projection refuses an event that is not the next of its stream, so one applied twice or skipped stops it).
 *
 * <p>A longer soak: {@code -Dstele.faults.kills=100 -Dstele.faults.events=500000}; {@code -Dstele.faults.seed}
 * repeats a run's random moments (the seed is printed).
 */
class ProjectionCrashTest {

    private static final int PARTITIONS = 4;
    private static final int KILLS = Integer.getInteger("stele.faults.kills", 12);
    private static final int EVENTS = Integer.getInteger("stele.faults.events", 50_000);
    private static final int EVENTS_PER_STREAM = 100;
    private static final int STREAMS = Math.max(1, EVENTS / EVENTS_PER_STREAM);
    private static final long SEED = Long.getLong("stele.faults.seed", System.nanoTime());

    private Projections projections;
    private Writers writers;
    private final List<ChildRunner> children = new ArrayList<>();

    private enum Moment {
        /** While it reads the events table (while there is some of that left). */
        CATCH_UP,
        /** While it reads the slot. */
        LIVE,
        /** Any time after the JVM started: starting, standing by, reconnecting, reading. */
        ANY
    }

    private record Kill(int index, Moment moment, String state, long written, boolean writing, int exitStatus,
            Optional<Projections.CatchUpState> catchUp) {
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (writers != null) {
            writers.close();
        }
        for (ChildRunner child : children) {
            child.close();
        }
        if (projections != null) {
            projections.dropSlotWhenInactive(Duration.ofSeconds(30));
        }
    }

    @Test
    void everyEventTakesEffectExactlyOnceThoughTheRunnerIsKilledAgainAndAgain() throws Exception {
        System.out.println("ProjectionCrashTest seed " + SEED + " (-Dstele.faults.seed=" + SEED + " repeats it)");
        Random random = new Random(SEED);
        projections = new Projections();
        writers = new Writers(projections.store, 4, STREAMS, EVENTS_PER_STREAM, false, SEED).start();
        // the first runners have a table to catch up from while the writers go on
        writers.awaitWritten(EVENTS * 2L / 5, Duration.ofSeconds(120));
        // the rest over about as long as the kills take (a runner lives some 2 s), so they land while writing
        writers.pace(Math.max(200, EVENTS * 0.6 / (KILLS * 1.8)));

        List<Kill> kills = new ArrayList<>();
        for (int i = 0; i < KILLS; i++) {
            Moment moment = i < 3 ? Moment.CATCH_UP : i % 3 == 0 ? Moment.ANY : Moment.LIVE;
            kills.add(killAt(i, moment, random));
        }
        kills.forEach(kill -> System.out.println("ProjectionCrashTest " + kill));

        ChildRunner last = start("runner-last");
        writers.await(Duration.ofSeconds(180));
        assertThat(last.awaitState("RUNNING", Duration.ofSeconds(60))).as("the last runner reads the slot").isTrue();
        projections.awaitProjected(Duration.ofSeconds(120));

        Map<String, String> rebuilt = projections.rebuilt();
        assertThat(projections.eventCount()).isEqualTo(writers.total());
        assertThat(rebuilt).hasSize(STREAMS)
                .allSatisfy((account, value) -> assertThat(value).endsWith("/" + EVENTS_PER_STREAM));
        assertThat(projections.projected()).isEqualTo(rebuilt);
        for (ChildRunner child : children) {
            assertThat(child.failures()).as("what %s reported", child).isEmpty();
        }
        assertThat(kills).extracting(Kill::exitStatus).as("killed by SIGKILL").containsOnly(ChildRunner.KILLED);
        assertThat(kills).as("a kill while catching up, with catch-up left for the next runner")
                .anyMatch(kill -> kill.state().equals("CATCHING_UP")
                        && kill.catchUp().map(c -> !c.caughtUp()).orElse(false));
        assertThat(kills).as("a kill while reading the slot as writers append")
                .anyMatch(kill -> kill.state().equals("RUNNING") && kill.writing());
        assertThat(last.stop(Duration.ofSeconds(40))).as("the last runner closes and exits").isZero();
        assertThat(last.lines()).contains("CLOSED");
    }

    private Kill killAt(int index, Moment moment, Random random) throws Exception {
        ChildRunner child = start("runner-" + index);
        Moment actual = moment;
        if (moment == Moment.CATCH_UP) {
            boolean caughtUp = projections.catchUpState().map(Projections.CatchUpState::caughtUp).orElse(false);
            if (caughtUp || !child.awaitState("CATCHING_UP", Duration.ofSeconds(30))) {
                actual = Moment.LIVE; // the catch-up ended before: kill it while it reads the slot instead
            } else {
                // the first catch-up has 20,000 events, some 1.5 s here: the first kill leaves most of it
                Thread.sleep(50 + random.nextInt(index == 0 ? 250 : 600));
            }
        }
        if (actual == Moment.LIVE) {
            assertThat(child.awaitState("RUNNING", Duration.ofSeconds(60))).as("%s reads the slot", child).isTrue();
            Thread.sleep(100 + random.nextInt(2_000));
        } else if (actual == Moment.ANY) {
            Thread.sleep(random.nextInt(3_000));
        }
        String state = child.state();
        long written = writers.written();
        boolean writing = !writers.done();
        int exitStatus = child.kill();
        return new Kill(index, actual, state, written, writing, exitStatus, projections.catchUpState());
    }

    private ChildRunner start(String name) {
        ChildRunner child = ChildRunner.start(name, projections.jdbcUrl, projections.schema, projections.slot,
                PARTITIONS);
        children.add(child);
        return child;
    }
}
