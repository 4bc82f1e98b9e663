package dev.stele.bench;

import dev.stele.demo.Database;
import dev.stele.projection.Lsn;
import dev.stele.replication.CatchUpProgress;
import dev.stele.replication.ProjectionListener;
import dev.stele.replication.ProjectionOptions;
import dev.stele.replication.ProjectionRunner;
import dev.stele.replication.ReplicationConnection;
import dev.stele.replication.RunnerStatus;
import dev.stele.spi.ProjectionType;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Stele's {@link ProjectionRunner} with one projection on the schema's slot. An event counts as handled
 * when the partition transaction holding the handler's writes and the checkpoint has committed (the
 * {@link ProjectionListener#applied} hook); {@link #handlerCalls()} counts the handler calls themselves.
 */
final class RunnerReader<P> implements ChangeReader, ProjectionListener {

    private final BenchSchema schema;
    private final ProjectionType<P> type;
    private final P projection;
    private final ProjectionOptions options;
    private final Progress handlerCalls;
    private final LatencyRecorder latencies;
    private final Progress committed = new Progress();
    private final CountDownLatch running = new CountDownLatch(1);
    private volatile long catchingUpNanos;
    private volatile long runningNanos;
    private volatile Throwable problem;
    private ProjectionRunner runner;

    RunnerReader(BenchSchema schema, ProjectionType<P> type, P projection, ProjectionOptions options,
            Progress handlerCalls, LatencyRecorder latencies) {
        this.schema = schema;
        this.type = type;
        this.projection = projection;
        this.options = options;
        this.handlerCalls = handlerCalls;
        this.latencies = latencies;
    }

    /** Starts the runner and waits until it reads the slot (after a catch-up, if the projection is new). */
    @Override
    public void start() throws InterruptedException {
        runner = ProjectionRunner.builder(Database.dataSource(), ReplicationConnection.of(Database.jdbcUrl()))
                .slot(schema.slot)
                .catalog(BenchSchema.CATALOG)
                .storeOptions(schema.options)
                .projection(type, projection, options)
                .listener(this)
                .build();
        runner.start();
        if (!running.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the runner did not start reading the slot within 120 s: " + runner.status());
        }
    }

    @Override
    public Progress progress() {
        return committed;
    }

    @Override
    public void expect(long events) {
        committed.expect(events);
        handlerCalls.expect(events);
    }

    /** The first handler call, not the first commit. */
    @Override
    public long firstHandledNanos() {
        return handlerCalls.firstNanos();
    }

    Progress handlerCalls() {
        return handlerCalls;
    }

    /** From the catch-up's start to the runner reading the slot: the catch-up's duration. */
    long catchUpNanos() {
        return runningNanos - catchingUpNanos;
    }

    boolean caughtUp() {
        return catchingUpNanos != 0;
    }

    @Override
    public void applied(String projection, int partition, int events, Lsn checkpoint, Instant commitTime) {
        if (latencies != null) {
            latencies.committed();
        }
        committed.add(events);
    }

    @Override
    public void catchUpProgress(CatchUpProgress progress) {
    }

    @Override
    public void stateChanged(RunnerStatus.State state, Throwable cause) {
        if (state == RunnerStatus.State.CATCHING_UP) {
            catchingUpNanos = System.nanoTime();
        } else if (state == RunnerStatus.State.RUNNING) {
            runningNanos = System.nanoTime();
            running.countDown();
        } else if (state == RunnerStatus.State.FAILED || state == RunnerStatus.State.RECONNECTING) {
            problem = cause;
        }
    }

    @Override
    public Throwable failure() {
        return problem;
    }

    @Override
    public void close() {
        if (runner != null) {
            runner.close();
        }
        if (problem != null) {
            throw new IllegalStateException("the projection runner failed", problem);
        }
    }

    RunnerStatus status() {
        return runner.status();
    }

    static <P> RunnerReader<P> of(BenchSchema schema, ProjectionType<P> type, P projection, int partitions,
            Progress handlerCalls, LatencyRecorder latencies) {
        return new RunnerReader<>(schema, type, projection, ProjectionOptions.defaults().withPartitions(partitions),
                handlerCalls, latencies);
    }
}
