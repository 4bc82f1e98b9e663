package dev.stele.it.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.it.events.AccountOpened;
import dev.stele.it.events.MoneyDeposited;
import dev.stele.replication.ProjectionListener;
import dev.stele.replication.ProjectionOptions;
import dev.stele.replication.ProjectionRunner;
import dev.stele.replication.ProjectionStatus;
import dev.stele.replication.RunnerStatus;
import dev.stele.store.ExpectedVersion;
import dev.stele.store.StreamId;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A projection slower than the writers: the runner reads the slot no faster than it applies, holds no more
 * than its queue's bound, and keeps the replication connection alive meanwhile, with a {@code wal_sender_timeout}
 * far shorter than the slow phase.
 */
class BackpressureTest {

    private static final int EVENTS = 200_000;
    private static final int QUEUE = 500;
    private static final int PARTITIONS = 2;

    private Projections projections;

    @AfterEach
    void dropSlot() throws Exception {
        projections.dropSlot();
    }

    @Test
    void aSlowProjectionSlowsTheReadingWithBoundedMemoryAndNoTimeout() throws Exception {
        projections = new Projections();
        AtomicBoolean slow = new AtomicBoolean(true);
        EventCounter counter = new EventCounter("counter", context -> {
            if (slow.get()) {
                sleep(20);
            }
        });
        List<RunnerStatus.State> states = new CopyOnWriteArrayList<>();
        List<String> problems = new CopyOnWriteArrayList<>();
        setWalSenderTimeout("2s");
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try (ProjectionRunner runner = projections.runner(ProjectionOptions.defaults())
                .projection(counter, counter, ProjectionOptions.defaults().withPartitions(PARTITIONS)
                        .withQueue(QUEUE, 1L << 20))
                .listener(new ProjectionListener() {
                    @Override
                    public void stateChanged(RunnerStatus.State state, Throwable problem) {
                        states.add(state);
                        if (problem != null) {
                            problems.add(problem.toString());
                        }
                    }
                }).build()) {
            runner.start();
            Projections.await(Duration.ofSeconds(30), () -> runner.status().state() == RunnerStatus.State.RUNNING);
            Projections.await(Duration.ofSeconds(10), () -> activePid() != null);
            long walSender = walSenderPid();
            List<Future<?>> appends = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                appends.add(writers.submit(() -> append(writer, EVENTS / 4)));
            }
            long slowUntil = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            long maxPending = 0;
            while (System.nanoTime() < slowUntil) {
                maxPending = Math.max(maxPending, runner.status().projection("counter").orElseThrow().lagEvents());
                Thread.sleep(20);
            }
            slow.set(false);
            for (Future<?> append : appends) {
                append.get();
            }
            Projections.await(Duration.ofSeconds(120), () -> counter.handled.get() == EVENTS);

            assertThat(counter.handled.get()).isEqualTo(EVENTS);
            assertThat(maxPending).as("events held for the slow projection").isPositive()
                    .isLessThanOrEqualTo(QUEUE * PARTITIONS + PARTITIONS);
            assertThat(walSenderPid()).as("the same replication connection throughout").isEqualTo(walSender);
            assertThat(states).as("never reconnected: %s", problems).doesNotContain(RunnerStatus.State.RECONNECTING);
            assertThat(runner.status().projection("counter").orElseThrow().state())
                    .isEqualTo(ProjectionStatus.State.LIVE);
        } finally {
            writers.shutdownNow();
            setWalSenderTimeout(null);
        }
    }

    private Void append(int writer, int events) {
        for (int stream = 0; stream < 50; stream++) {
            String id = "w" + writer + "-" + stream;
            projections.store.append(StreamId.of("account", id), ExpectedVersion.noStream(),
                    List.of(new AccountOpened(id, "o")));
        }
        int written = 50;
        int round = 0;
        while (written < events) {
            String id = "w" + writer + "-" + (round++ % 50);
            List<Object> batch = new ArrayList<>();
            for (int i = 0; i < 100 && written < events; i++, written++) {
                batch.add(new MoneyDeposited(id, i));
            }
            projections.store.append(StreamId.of("account", id), ExpectedVersion.any(), batch);
        }
        return null;
    }

    private long walSenderPid() {
        return Long.parseLong(activePid());
    }

    private String activePid() {
        try {
            return Projections.query("SELECT 'p', active_pid::text FROM pg_replication_slots WHERE slot_name = '"
                    + projections.slot + "'").get("p");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void setWalSenderTimeout(String value) throws Exception {
        try (Connection connection = Projections.DATA_SOURCE.getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute(value == null ? "ALTER SYSTEM RESET wal_sender_timeout"
                    : "ALTER SYSTEM SET wal_sender_timeout = '" + value + "'");
            sql.execute("SELECT pg_reload_conf()");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
