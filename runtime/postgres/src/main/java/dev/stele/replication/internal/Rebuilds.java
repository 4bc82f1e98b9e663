package dev.stele.replication.internal;

import dev.stele.replication.ReadModelSwitch;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a session does beside reading the slot, on a thread of its own: it catches up the projections that
 * registered while others were live (the others go on serving meanwhile), then ends the session so the next
 * one gives them the slot from their boundary; in a session where every projection reads the slot, it makes
 * each newer version current as soon as it has drawn level with the current one.
 */
public final class Rebuilds implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Rebuilds.class);
    private static final long SWITCH_POLL_MILLIS = 500;
    private static final long SWITCH_RETRY_MILLIS = 30_000;

    /** A projection to catch up beside the session. */
    public record Aside(ProjectionRun<?> run, ProjectionTables.Registration registration, EventApplier applier) {
    }

    private final DataSource dataSource;
    private final CatchUp catchUp;
    private final ReadModels readModels;
    private final SlotSession session;
    private final List<Aside> aside;
    private final List<ProjectionRun<?>> runs;
    private final Function<String, ReadModelSwitch> switches;

    /**
     * {@code runs} are the session's projections, {@code aside} those of them to catch up first; {@code switches}
     * gives the switch of each projection name.
     */
    public Rebuilds(DataSource dataSource, CatchUp catchUp, ReadModels readModels, SlotSession session,
            List<Aside> aside, List<ProjectionRun<?>> runs, Function<String, ReadModelSwitch> switches) {
        this.dataSource = dataSource;
        this.catchUp = catchUp;
        this.readModels = readModels;
        this.session = session;
        this.aside = aside;
        this.runs = runs;
        this.switches = switches;
    }

    @Override
    public void run() {
        try {
            if (!aside.isEmpty()) {
                catchUpAside();
            } else {
                switchWhenLevel();
            }
        } catch (InterruptedException e) {
            // the session is over
        } catch (Exception e) {
            if (!session.isOver()) {
                session.fail(e);
            }
        }
    }

    private void catchUpAside() throws Exception {
        for (Aside next : aside) {
            if (session.isOver()) {
                return;
            }
            LOG.info("Projection {} catches up from the events table while the others stay live", next.run().name());
            boolean done = catchUp.run(next.run(), next.registration(), next.applier());
            LOG.info("Projection {} {}", next.run().name(), done ? "caught up: " + next.run().catchUp()
                    + "; it joins the slot from its boundary in the next session" : "stopped while catching up");
        }
        session.end(); // the next session gives the slot to those caught up, from their boundaries
    }

    private void switchWhenLevel() throws InterruptedException {
        List<ProjectionRun<?>> pending = new ArrayList<>();
        for (ProjectionRun<?> run : runs) {
            if (run.readsSlot()) {
                pending.add(run);
            }
        }
        long retryAt = 0;
        while (!pending.isEmpty() && !session.isOver()) {
            for (ProjectionRun<?> run : List.copyOf(pending)) {
                if (run.isStopped() || System.nanoTime() < retryAt) {
                    continue;
                }
                try (Connection connection = dataSource.getConnection()) {
                    ReadModels.Outcome outcome = readModels.trySwitch(connection, run,
                            switches.apply(run.projectionName()));
                    if (outcome != ReadModels.Outcome.NOT_LEVEL) {
                        pending.remove(run);
                    }
                    if (outcome == ReadModels.Outcome.SWITCHED) {
                        LOG.info("Projection {} version {} is current", run.projectionName(), run.version());
                    } else if (outcome == ReadModels.Outcome.SUPERSEDED) {
                        LOG.info("Projection {} is superseded by a newer version, which is current: it goes on"
                                + " while it runs; retire it (ProjectionRunner.retire) when nothing reads it",
                                run.name());
                    }
                } catch (SQLException e) {
                    if (session.isOver()) {
                        return;
                    }
                    retryAt = System.nanoTime() + SWITCH_RETRY_MILLIS * 1_000_000;
                    LOG.error("Projection {} version {} could not become current: {}; trying again in {} s",
                            run.projectionName(), run.version(), e.getMessage(), SWITCH_RETRY_MILLIS / 1000);
                }
            }
            if (!pending.isEmpty()) {
                Thread.sleep(SWITCH_POLL_MILLIS);
            }
        }
    }
}
