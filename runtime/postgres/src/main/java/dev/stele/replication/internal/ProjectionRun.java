package dev.stele.replication.internal;

import dev.stele.projection.Lsn;
import dev.stele.replication.CatchUpProgress;
import dev.stele.replication.FailedEvent;
import dev.stele.replication.ProjectionOptions;
import dev.stele.replication.ProjectionStatus;
import dev.stele.replication.RunnerStatus;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import dev.stele.spi.ProjectionType;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One projection of a runner, and what the runner knows of it across sessions (a session ends when the
 * connection drops): its durable checkpoint per partition, the partitions to apply carefully after a
 * failure, and whether it stopped on a poison event.
 *
 * @param <P> the projection class
 */
public final class ProjectionRun<P> {

    private final ProjectionType<P> type;
    private final P instance;
    private final ProjectionOptions options;
    private final AtomicReferenceArray<Lsn> durable;
    private final AtomicReferenceArray<Lsn> carefulUntil;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong pending = new AtomicLong();
    private volatile ProjectionStatus.State state = ProjectionStatus.State.IDLE;
    private volatile FailedEvent stoppedOn;
    private volatile CatchUpProgress catchUp;
    private volatile Instant lastCommitTime;
    private volatile boolean catchingUpAside;

    public ProjectionRun(ProjectionType<P> type, P instance, ProjectionOptions options) {
        this.type = type;
        this.instance = instance;
        this.options = options;
        this.durable = new AtomicReferenceArray<>(options.partitions());
        this.carefulUntil = new AtomicReferenceArray<>(options.partitions());
        for (int partition = 0; partition < options.partitions(); partition++) {
            carefulUntil.set(partition, Lsn.NONE);
        }
    }

    /**
     * The projection's registration: its name, with {@code @v<version>} after it from version 2 on. Its
     * checkpoints, parked events and status go by it.
     */
    public String name() {
        return type.registration();
    }

    /** The registration of version {@code version} of projection {@code name}. */
    public static String key(String name, int version) {
        return ProjectionType.registration(name, version);
    }

    /** The name from {@code @Projection(name = …)}, shared by its versions. */
    public String projectionName() {
        return type.name();
    }

    public int version() {
        return type.version();
    }

    public ProjectionType<P> type() {
        return type;
    }

    public P instance() {
        return instance;
    }

    public ProjectionOptions options() {
        return options;
    }

    public int partitions() {
        return options.partitions();
    }

    public Set<String> handledEvents() {
        return type.handledEvents();
    }

    public boolean handles(String eventName) {
        return type.handledEvents().contains(eventName);
    }

    /** The durable checkpoint of a partition; null before it was loaded. */
    public Lsn durable(int partition) {
        return durable.get(partition);
    }

    public void durable(int partition, Lsn lsn) {
        durable.set(partition, lsn);
    }

    /** The oldest durable checkpoint of its partitions; null before they were loaded. */
    public Lsn oldestCheckpoint() {
        Lsn oldest = null;
        for (int partition = 0; partition < durable.length(); partition++) {
            Lsn lsn = durable.get(partition);
            if (lsn == null) {
                return null;
            }
            if (oldest == null || oldest.isAfter(lsn)) {
                oldest = lsn;
            }
        }
        return oldest;
    }

    /** Source transactions committed at or before this are applied one event at a time, with retries. */
    public Lsn carefulUntil(int partition) {
        return carefulUntil.get(partition);
    }

    public void applyCarefullyUntil(int partition, Lsn commitLsn) {
        carefulUntil.accumulateAndGet(partition, commitLsn, (a, b) -> a.isAfter(b) ? a : b);
    }

    public ProjectionStatus.State state() {
        return state;
    }

    public void state(ProjectionStatus.State state) {
        if (this.state != ProjectionStatus.State.STOPPED) {
            this.state = state;
        }
    }

    /** Stops it on a poison event; it stays stopped until the runner is started again. */
    public void stop(FailedEvent event) {
        this.stoppedOn = event;
        this.state = ProjectionStatus.State.STOPPED;
    }

    public boolean isStopped() {
        return state == ProjectionStatus.State.STOPPED;
    }

    /**
     * Whether it catches up from the events table beside a session that serves the others: the session then
     * hands it nothing and its checkpoints (its catch-up's boundary) hold the slot back until it joins.
     */
    public void catchingUpAside(boolean aside) {
        this.catchingUpAside = aside;
    }

    /** Whether the slot session hands it work: it is neither stopped nor catching up aside. */
    public boolean readsSlot() {
        return !isStopped() && !catchingUpAside;
    }

    public FailedEvent stoppedOn() {
        return stoppedOn;
    }

    /** Back to a fresh start: cleared when the runner starts again. */
    public void restart() {
        stoppedOn = null;
        catchingUpAside = false;
        state = ProjectionStatus.State.IDLE;
        catchUp = null;
        for (int partition = 0; partition < durable.length(); partition++) {
            durable.set(partition, null);
        }
    }

    public CatchUpProgress catchUp() {
        return catchUp;
    }

    public void catchUp(CatchUpProgress progress) {
        this.catchUp = progress;
    }

    public void appliedEvents(int count, Instant commitTime) {
        applied.addAndGet(count);
        if (commitTime != null) {
            lastCommitTime = commitTime;
        }
    }

    public long applied() {
        return applied.get();
    }

    public Instant lastCommitTime() {
        return lastCommitTime;
    }

    /**
     * Its status while the runner is in {@code runner}, the server's log at {@code current} and the newest
     * commit read at {@code newest} (null if none).
     */
    public ProjectionStatus status(RunnerStatus.State runner, Lsn current, Instant newest) {
        Lsn checkpoint = Objects.requireNonNullElse(oldestCheckpoint(), Lsn.NONE);
        Instant last = lastCommitTime;
        Duration lagTime = newest != null && last != null && newest.isAfter(last) ? Duration.between(last, newest)
                : Duration.ZERO;
        CatchUpProgress progress = catchUp;
        long lagEvents = Math.max(0, pending.get());
        ProjectionStatus.State now = state;
        if (now == ProjectionStatus.State.CATCHING_UP && progress != null) {
            lagEvents += Math.max(0, progress.total() - progress.done());
        }
        if (runner != RunnerStatus.State.RUNNING && runner != RunnerStatus.State.CATCHING_UP
                && now != ProjectionStatus.State.STOPPED) {
            now = ProjectionStatus.State.IDLE;
        }
        return new ProjectionStatus(name(), now, partitions(), checkpoint,
                checkpoint.equals(Lsn.NONE) ? 0 : current.bytesSince(checkpoint), lagTime, lagEvents, applied(),
                Optional.ofNullable(stoppedOn),
                now == ProjectionStatus.State.CATCHING_UP ? Optional.ofNullable(progress) : Optional.empty());
    }

    /** Events handed to its partitions and not applied yet. */
    public AtomicLong pending() {
        return pending;
    }
}
