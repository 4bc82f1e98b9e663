package dev.stele.bench;

import dev.stele.demo.Database;
import dev.stele.projection.Lsn;
import dev.stele.replication.CatchUpProgress;
import dev.stele.replication.ProjectionListener;
import dev.stele.replication.ProjectionOptions;
import dev.stele.replication.ProjectionRunner;
import dev.stele.replication.ReplicationConnection;
import dev.stele.replication.RunnerStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A runner with a live projection ({@link Workload#ALL_TYPES}, version 1, registered and caught up before) and,
 * optionally, a new version of it handling {@link Workload#HALF_TYPES}: that version catches up from the events
 * table beside the session while version 1 applies the slot (the runtime's {@code Rebuilds}, the path of a
 * blue/green rebuild). Times the catch-up from the session's start ({@code RUNNING}, when the catch-up thread
 * starts) to its last progress report (every row applied); counts what version 1 committed meanwhile.
 */
final class BesideRunner implements ProjectionListener, AutoCloseable {

    static final String NAME = "orders";

    private final ProjectionRunner runner;
    private final String rebuildKey;
    private final Progress rebuildCalls = new Progress();
    private final CountDownLatch running = new CountDownLatch(1);
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final AtomicLong liveCommitted = new AtomicLong();
    private final AtomicLong liveLagMaxMillis = new AtomicLong();
    private volatile long runningNanos;
    private volatile Instant runningAt = Instant.MAX;
    private volatile long rebuildCallsAtCaughtUp;
    private volatile long caughtUpNanos;
    private volatile long liveAtCaughtUp;
    private volatile CatchUpProgress last;
    private volatile Throwable problem;

    /** {@code rebuildVersion} 0: version 1 alone. */
    BesideRunner(BenchSchema schema, int rebuildVersion) {
        ProjectionRunner.Builder builder = ProjectionRunner.builder(Database.dataSource(),
                        ReplicationConnection.of(Database.jdbcUrl()))
                .slot(schema.slot)
                .catalog(BenchSchema.CATALOG)
                .storeOptions(schema.options)
                .projection(new NoOpProjectionType(NAME, Workload.ALL_TYPES), new NoOpProjection(new Progress(), null),
                        ProjectionOptions.defaults())
                .listener(this);
        if (rebuildVersion > 1) {
            builder.projection(new NoOpProjectionType(NAME, Workload.HALF_TYPES, rebuildVersion),
                    new NoOpProjection(rebuildCalls, null), ProjectionOptions.defaults());
            rebuildKey = NAME + "@v" + rebuildVersion;
        } else {
            rebuildKey = null;
        }
        runner = builder.build();
    }

    /** Starts the runner and waits until it reads the slot. */
    void start() throws InterruptedException {
        runner.start();
        if (!running.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the runner did not start reading the slot within 120 s: " + runner.status());
        }
    }

    /** Waits until the new version's catch-up applied its last row; fails the run after {@code timeout}. */
    void awaitCaughtUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!caughtUp.await(10, TimeUnit.MILLISECONDS)) {
            if (problem != null || System.nanoTime() > deadline) {
                throw new IllegalStateException("the catch-up of " + rebuildKey + " did not end: " + last, problem);
            }
        }
    }

    /** From the session's start to the catch-up's last row applied. */
    long catchUpNanos() {
        return caughtUpNanos - runningNanos;
    }

    CatchUpProgress lastProgress() {
        return last;
    }

    /** The new version's handler calls during its catch-up. */
    long rebuildHandlerCalls() {
        return rebuildCallsAtCaughtUp;
    }

    /** Events version 1 committed from the session's start to the end of the catch-up. */
    long liveCommittedDuringCatchUp() {
        return liveAtCaughtUp;
    }

    /**
     * The longest a version 1 event committed after the session's start waited from its commit to its
     * checkpoint's commit, so far (by the batch's last event).
     */
    long liveLagMaxMillis() {
        return liveLagMaxMillis.get();
    }

    @Override
    public void applied(String projection, int partition, int events, Lsn checkpoint, Instant commitTime) {
        if (projection.equals(NAME)) {
            liveCommitted.addAndGet(events);
            if (!commitTime.isBefore(runningAt)) { // not the backlog of before the session
                long lag = Duration.between(commitTime, Instant.now()).toMillis();
                liveLagMaxMillis.accumulateAndGet(lag, Math::max);
            }
        }
    }

    @Override
    public void catchUpProgress(CatchUpProgress progress) {
        if (progress.projection().equals(rebuildKey)) {
            last = progress;
            if (progress.done() >= progress.total() && caughtUpNanos == 0) {
                caughtUpNanos = System.nanoTime();
                rebuildCallsAtCaughtUp = rebuildCalls.count(); // before the next session gives it the slot
                liveAtCaughtUp = liveCommitted.get();
                caughtUp.countDown();
            }
        }
    }

    @Override
    public void stateChanged(RunnerStatus.State state, Throwable cause) {
        if (state == RunnerStatus.State.RUNNING && runningNanos == 0) {
            runningNanos = System.nanoTime();
            runningAt = Instant.now();
            liveCommitted.set(0);
            running.countDown();
        } else if (state == RunnerStatus.State.FAILED || state == RunnerStatus.State.RECONNECTING) {
            problem = cause;
        }
    }

    @Override
    public void close() {
        runner.close();
        if (problem != null) {
            throw new IllegalStateException("the projection runner failed", problem);
        }
    }
}
