package dev.stele.replication.internal;

import dev.stele.catalog.Catalog;
import dev.stele.replication.ProjectionListener;
import dev.stele.replication.ReadModelSwitch;
import dev.stele.replication.ReplicationException;
import dev.stele.replication.ReplicationProtocolException;
import dev.stele.replication.RunnerStatus;
import dev.stele.store.internal.Tables;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runner's own thread: takes the slot's lock (or stands by), prepares the slot and the projections,
 * catches up the new ones, then runs one {@link SlotSession} after another — at once after a handler failure
 * (to apply carefully), after a bounded, jittered backoff after a lost connection — until the runner closes
 * or an error it cannot recover from by itself fails it.
 */
public final class Supervisor implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Supervisor.class);

    /** What the supervisor works with. */
    public record Parts(DataSource dataSource, Callable<Connection> replication, Catalog catalog, Tables tables,
            ProjectionTables projectionTables, SlotSession.Settings settings, List<ProjectionRun<?>> runs,
            ProjectionListener listener, Duration standbyPoll, Backoff reconnect,
            Function<String, ReadModelSwitch> switches) {
    }

    private final Parts parts;
    private final RunnerState state;
    private volatile boolean closed;

    public Supervisor(Parts parts, RunnerState state) {
        this.parts = parts;
        this.state = state;
    }

    /** Ends the current session; the caller then interrupts and joins the thread. */
    public void close() {
        closed = true;
        SlotSession current = state.session();
        if (current != null) {
            current.end();
        }
    }

    @Override
    public void run() {
        int failures = 0;
        while (!closed) {
            long appliedBefore = applied();
            long attemptStarted = System.nanoTime();
            try (Connection connection = parts.replication().call()) {
                if (!SlotLock.take(connection, 0, parts.settings().slotName())) {
                    state.set(RunnerStatus.State.STANDBY, null);
                    state.settle();
                    connection.close();
                    Thread.sleep(parts.standbyPoll().toMillis());
                    continue;
                }
                runSession(connection);
                failures = 0;
            } catch (CarefulRestart restart) {
                LOG.warn("{}", restart.getMessage(), restart.getCause());
            } catch (ReplicationException | ReplicationProtocolException fatal) {
                if (closed) {
                    return;
                }
                LOG.error("Projections on slot {} stopped: {}", parts.settings().slotName(), fatal.getMessage());
                state.set(RunnerStatus.State.FAILED, fatal);
                return;
            } catch (InterruptedException e) {
                if (closed) {
                    return;
                }
                Thread.currentThread().interrupt();
                state.set(RunnerStatus.State.FAILED, e);
                LOG.error("Projections on slot {} stopped: interrupted", parts.settings().slotName());
                return;
            } catch (Exception e) {
                if (closed) {
                    return;
                }
                // the delay grows with failures in a row only: after a session that applied events, or outlived
                // the longest delay, the next failure waits the first delay again
                boolean healthy = applied() > appliedBefore
                        || System.nanoTime() - attemptStarted >= parts.reconnect().maxMillis() * 1_000_000L;
                failures = healthy ? 1 : failures + 1;
                state.set(RunnerStatus.State.RECONNECTING, e);
                long delay = parts.reconnect().delayMillis(failures);
                LOG.warn("Slot {}: {}; trying again in {} ms", parts.settings().slotName(), e.toString(), delay);
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException interrupted) {
                    return;
                }
            } finally {
                state.session(null);
            }
        }
    }

    private long applied() {
        long applied = 0;
        for (ProjectionRun<?> run : parts.runs()) {
            applied += run.applied();
        }
        return applied;
    }

    private void runSession(Connection replicationConnection) throws Exception {
        List<ProjectionTables.Registration> registrations;
        try (Connection connection = parts.dataSource().getConnection()) {
            registrations = new SlotSetup(parts.tables(), parts.projectionTables(), parts.settings().slotName(),
                    parts.settings().publication(), parts.replication(),
                    TableSubscriptions.mappings(parts.catalog(), parts.runs())).prepare(connection, parts.runs());
            for (ProjectionRun<?> run : parts.runs()) {
                if (!run.isStopped()) {
                    // this session applies it again: a stop recorded before (by this runner or another) is over
                    parts.projectionTables().clearStop(connection, run.name());
                }
            }
        }
        state.settle(); // the slot and the publication exist: what commits from now on reaches the projections
        ReadModels readModels = new ReadModels(parts.tables());
        List<Rebuilds.Aside> aside = new ArrayList<>();
        parts.runs().forEach(run -> run.catchingUpAside(false));
        if (anyCaughtUp(registrations)) {
            // the others stay live while the new ones catch up beside the session
            for (int i = 0; i < parts.runs().size(); i++) {
                ProjectionRun<?> run = parts.runs().get(i);
                boolean catchingUp = !registrations.get(i).caughtUp() && !run.isStopped();
                run.catchingUpAside(catchingUp);
                if (catchingUp) {
                    aside.add(new Rebuilds.Aside(run, registrations.get(i), applier(run)));
                }
            }
        } else {
            catchUp(registrations, readModels);
        }
        Map<ProjectionRun<?>, PartitionWorker[]> workers = new IdentityHashMap<>();
        SlotSession session = new SlotSession(parts.settings(), parts.tables(), parts.dataSource(), parts.runs(),
                workers, new TableChanges(parts.catalog(), TableSubscriptions.mappings(parts.catalog(), parts.runs())));
        for (ProjectionRun<?> run : parts.runs()) {
            EventApplier applier = applier(run);
            PartitionWorker[] partitions = new PartitionWorker[run.partitions()];
            for (int partition = 0; partition < partitions.length; partition++) {
                partitions[partition] = new PartitionWorker(run, partition,
                        new WorkQueue(run.options().queueEvents(), run.options().queueBytes()), parts.dataSource(),
                        parts.projectionTables(), applier, parts.listener(), session);
            }
            workers.put(run, partitions);
        }
        state.session(session);
        if (closed) {
            return;
        }
        Thread beside = new Thread(new Rebuilds(parts.dataSource(), newCatchUp(readModels), readModels, session, aside,
                parts.runs(), parts.switches()), "stele-rebuilds-" + parts.settings().slotName());
        beside.setDaemon(true);
        try {
            session.run(replicationConnection, () -> {
                state.set(RunnerStatus.State.RUNNING, null);
                beside.start();
            });
        } finally {
            beside.interrupt();
            beside.join(TimeUnit.SECONDS.toMillis(30));
            if (beside.isAlive()) {
                LOG.warn("{} did not stop within 30 s; a handler may be stuck (its catch-up writes are fenced)",
                        beside.getName());
            }
        }
    }

    private static boolean anyCaughtUp(List<ProjectionTables.Registration> registrations) {
        return registrations.stream().anyMatch(ProjectionTables.Registration::caughtUp);
    }

    private EventApplier applier(ProjectionRun<?> run) {
        return new EventApplier(parts.catalog(), run, parts.projectionTables(), parts.listener());
    }

    /** A catch-up whose last transaction makes a projection's first version current. */
    private CatchUp newCatchUp(ReadModels readModels) {
        return new CatchUp(parts.dataSource(), parts.tables(), parts.projectionTables(), parts.listener(),
                (connection, run) -> readModels.makeFirstCurrent(connection, run,
                        parts.switches().apply(run.projectionName())));
    }

    private void catchUp(List<ProjectionTables.Registration> registrations, ReadModels readModels) throws Exception {
        CatchUp catchUp = newCatchUp(readModels);
        for (int i = 0; i < parts.runs().size(); i++) {
            ProjectionRun<?> run = parts.runs().get(i);
            ProjectionTables.Registration registration = registrations.get(i);
            if (registration.caughtUp() || run.isStopped() || closed) {
                continue;
            }
            state.set(RunnerStatus.State.CATCHING_UP, null);
            LOG.info("Projection {} catches up from {}", run.name(), parts.tables().events);
            boolean done = catchUp.run(run, registration, applier(run));
            LOG.info("Projection {} {}", run.name(), done ? "caught up: " + run.catchUp() : "stopped while catching up");
        }
    }
}
