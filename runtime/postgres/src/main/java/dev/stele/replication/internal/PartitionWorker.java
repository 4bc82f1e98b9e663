package dev.stele.replication.internal;

import dev.stele.projection.Lsn;
import dev.stele.replication.ProjectionListener;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Applies one partition of one projection for one session: the source transactions the slot reader hands
 * it, in commit order, several to a target transaction, each target transaction committing the handlers'
 * writes with the partition's checkpoint. A source transaction is never split across target transactions,
 * so after a crash anywhere the partition has applied each transaction entirely or not at all.
 */
public final class PartitionWorker implements Runnable {

    private static final long POLL_MILLIS = 100;
    private static final long IDLE_CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ProjectionRun<?> run;
    private final int partition;
    private final WorkQueue queue;
    private final DataSource dataSource;
    private final ProjectionTables tables;
    private final EventApplier applier;
    private final ProjectionListener listener;
    private final SessionControl session;
    private final Lsn startCheckpoint;

    private Connection connection;
    private Lsn durable;
    private Lsn pending;
    private Instant pendingCommitTime;
    private int batchEvents;
    private boolean inSourceTransaction;
    private boolean careful;
    /** Where the last source transaction applied in the open batch committed. */
    private Lsn lastCommitLsn = Lsn.NONE;
    private long lastUsed = System.nanoTime();

    public PartitionWorker(ProjectionRun<?> run, int partition, WorkQueue queue, DataSource dataSource,
            ProjectionTables tables, EventApplier applier, ProjectionListener listener, SessionControl session) {
        this.run = run;
        this.partition = partition;
        this.queue = queue;
        this.dataSource = dataSource;
        this.tables = tables;
        this.applier = applier;
        this.listener = listener;
        this.session = session;
        this.startCheckpoint = run.durable(partition);
        this.durable = startCheckpoint;
        this.pending = startCheckpoint;
    }

    public WorkQueue queue() {
        return queue;
    }

    @Override
    public void run() {
        try (Connection opened = dataSource.getConnection()) {
            connection = opened;
            connection.setAutoCommit(false);
            try {
                loop();
            } catch (Throwable problem) {
                discardUncommitted(problem);
                throw problem;
            }
            discardUncommitted(null);
        } catch (StoppedSignal stopped) {
            // the projection stopped on a poison event; status() shows it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (!session.isOver()) {
                session.fail(e); // not the session ending it: a handler threw it, and nobody would drain the queue
            }
        } catch (Throwable problem) {
            session.fail(problem);
        }
    }

    private void loop() throws Exception {
        while (!session.isOver() && !Thread.currentThread().isInterrupted()) {
            if (run.isStopped()) {
                return; // at whatever point: the uncommitted rest comes again next time
            }
            Work work = queue.poll(POLL_MILLIS);
            if (work == null) {
                if (!inSourceTransaction) {
                    commitBatch(); // nothing came for a while: whatever is complete waits no longer
                }
                checkIdleConnection();
                continue;
            }
            lastUsed = System.nanoTime();
            if (work instanceof Work.Change change) {
                change(change.event());
            } else if (work instanceof Work.Commit commit) {
                commit(commit);
            } else if (work instanceof Work.Tick tick) {
                tick(tick.lsn());
            }
        }
    }

    private void change(SourceEvent event) throws Exception {
        run.pending().decrementAndGet();
        if (startCheckpoint.isAfter(event.commitLsn())) {
            // applied before: by an earlier session, or by the catch-up, whose snapshot sees exactly what
            // committed before the registration's boundary, where the checkpoint starts
            return;
        }
        if (!inSourceTransaction) {
            inSourceTransaction = true;
            careful = !event.commitLsn().isAfter(run.carefulUntil(partition));
            if (careful) {
                commitBatch(); // a careful transaction commits alone, so a stop loses nothing before it
                try (Statement statement = connection.createStatement()) {
                    // a deferred constraint must fail at its statement, behind the event's savepoint, not at commit
                    statement.execute("SET CONSTRAINTS ALL IMMEDIATE");
                }
            }
        }
        if (careful) {
            EventApplier.Outcome outcome = applier.applyCarefully(connection, event);
            if (outcome == EventApplier.Outcome.STOPPED) {
                connection.rollback();
                StopRecord.write(connection, tables, run);
                throw new StoppedSignal();
            }
            if (outcome == EventApplier.Outcome.PARKED) {
                return; // recorded, not applied; the checkpoint still moves past it with the transaction
            }
        } else {
            try {
                applier.apply(connection, event);
            } catch (InterruptedException e) {
                throw e; // the session ends; if it was a handler's own, run() fails the session with it
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Exception | Error e) {
                failed(event, e);
            }
        }
        batchEvents++;
        lastCommitLsn = event.commitLsn();
    }

    private void commit(Work.Commit commit) throws Exception {
        if (startCheckpoint.isAfter(commit.commitLsn())) {
            return;
        }
        inSourceTransaction = false;
        if (commit.endLsn().isAfter(pending)) {
            pending = commit.endLsn();
            pendingCommitTime = commit.commitTime();
        }
        if (careful || batchEvents >= run.options().batchEvents() || queue.isEmpty()) {
            commitBatch();
        }
        careful = false;
    }

    /**
     * Moves the checkpoint to {@code lsn} and, if nothing waits behind the tick, commits. It commits even when
     * {@code lsn} is not past {@code pending}: a source transaction whose commit found the queue non-empty left
     * its batch open, and a tick for the same position may be what followed it; without this the batch stayed
     * open until the log moved on (the next heartbeat, 10 s by default).
     */
    private void tick(Lsn lsn) throws Exception {
        if (inSourceTransaction) {
            return;
        }
        if (lsn.isAfter(pending)) {
            pending = lsn;
        }
        if (queue.isEmpty()) {
            commitBatch();
        }
    }

    /** A handler failed in a batch: the session starts over, applying this partition carefully up to the event. */
    private void failed(SourceEvent event, Throwable failure) throws Exception {
        rollbackAfter(failure instanceof Exception e ? e : new Exception(failure));
        run.applyCarefullyUntil(partition, event.commitLsn());
        throw new CarefulRestart(run.name(), partition, failure);
    }

    private void commitBatch() throws Exception {
        if (!pending.isAfter(durable) && batchEvents == 0) {
            return;
        }
        if (pending.isAfter(durable)) {
            tables.saveCheckpoint(connection, run.name(), partition, durable, pending);
        }
        try {
            connection.commit();
        } catch (SQLException e) {
            if (careful || batchEvents == 0 || isConnectionLost(e)) {
                throw e;
            }
            // the read model refused the batch at its commit (a deferred constraint): apply it carefully
            rollbackAfter(e);
            run.applyCarefullyUntil(partition, lastCommitLsn);
            throw new CarefulRestart(run.name(), partition, e);
        }
        durable = pending;
        run.durable(partition, durable);
        int events = batchEvents;
        batchEvents = 0;
        if (events > 0) {
            run.appliedEvents(events, pendingCommitTime);
            try {
                listener.applied(run.name(), partition, events, durable, pendingCommitTime);
            } catch (RuntimeException ignored) {
                // a listener's failure is not the projection's
            }
        }
    }

    /**
     * Asks the server, once a second while there is nothing to apply, whether the connection is still there
     * ({@code isValid}: no transaction, nothing written), and ends the session if not. A connection the server
     * ended (a shutdown, {@code pg_terminate_backend}) is otherwise noticed only with the next event, and a
     * server shutting down waits for the walsender, which waits for this runner to confirm the shutdown
     * checkpoint or to go: an idle runner kept PostgreSQL from stopping for ever.
     */
    private void checkIdleConnection() throws SQLException {
        if (System.nanoTime() - lastUsed < IDLE_CHECK_NANOS) {
            return;
        }
        lastUsed = System.nanoTime();
        if (!connection.isValid(5)) {
            throw new SQLException("the connection of projection " + run.name() + " partition " + partition
                    + " was lost while it had nothing to apply", "08006");
        }
    }

    private static boolean isConnectionLost(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    /** Rolls back after a failure; if the connection is gone, the session ends with that failure, not the rollback's. */
    private void rollbackAfter(Exception failure) throws Exception {
        try {
            connection.rollback();
        } catch (SQLException lost) {
            failure.addSuppressed(lost);
            throw failure;
        }
    }

    /**
     * Whatever is not committed is delivered again next session. When the connection is lost, the rollback's
     * failure goes with {@code problem} (what ended the loop, say the server's reason) instead of hiding it.
     */
    private void discardUncommitted(Throwable problem) throws SQLException {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            if (problem == null) {
                throw e;
            }
            problem.addSuppressed(e);
        }
    }

    /** The projection stopped on a poison event: this worker ends, the session goes on for the others. */
    private static final class StoppedSignal extends Exception {

        private static final long serialVersionUID = 1L;
    }
}
