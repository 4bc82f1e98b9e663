package dev.stele.it.projection;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.stele.catalog.Catalog;
import dev.stele.replication.CatchUpProgress;
import dev.stele.replication.FailedEvent;
import dev.stele.replication.PoisonPolicy;
import dev.stele.replication.ProjectionListener;
import dev.stele.replication.ProjectionOptions;
import dev.stele.replication.ProjectionRunner;
import dev.stele.replication.ProjectionStatus;
import dev.stele.replication.ReplicationConnection;
import dev.stele.replication.RunnerStatus;
import dev.stele.store.EventStoreOptions;
import java.io.IOException;
import java.io.PrintStream;

/**
 * A {@link ProjectionRunner} with the {@link AccountBalances} projection in a JVM of its own, for the tests
 * that kill it ({@link ChildRunner} starts it). Arguments: JDBC URL, schema, slot, partitions.
 *
 * <p>It reports on stdout, one line each: {@code READY} once started, {@code STATE <runner state>} on every
 * change, {@code CATCHUP <done>/<total>}, {@code POISONED <event>}, {@code STOPPED <event>} if the projection
 * stopped, {@code FAILED <problem>} if the runner did, {@code APPLIED <n>} now and then, {@code CLOSED} at the
 * end. It closes the runner and exits when its stdin ends, so it does not outlive the test JVM.
 */
public final class RunnerProcess {

    private static final PrintStream OUT = System.out;

    private RunnerProcess() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String schema = args[1];
        String slot = args[2];
        int partitions = Integer.parseInt(args[3]);

        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(partitions + 3);
        config.setPoolName("stele-child");
        config.addDataSourceProperty("ApplicationName", "stele-it-child");
        try (HikariDataSource pool = new HikariDataSource(config)) {
            serve(ProjectionRunner.builder(pool, ReplicationConnection.of(url))
                    .slot(slot)
                    .catalog(Catalog.load())
                    .storeOptions(EventStoreOptions.defaults().withSchema(schema))
                    .projection(new AccountBalances(schema), ProjectionOptions.defaults().withPartitions(partitions)));
        }
    }

    /**
     * Builds the runner with the reporting listener, starts it, reports as the class says until stdin ends,
     * then closes it and exits: the child main of every test that kills runners.
     */
    public static void serve(ProjectionRunner.Builder builder) {
        try (ProjectionRunner runner = builder.listener(new Reporter()).build()) {
            runner.start();
            report("READY");
            Thread watcher = new Thread(() -> watch(runner), "stele-child-watcher");
            watcher.setDaemon(true);
            watcher.start();
            awaitEndOfInput();
        }
        report("CLOSED");
        System.exit(0);
    }

    private static void awaitEndOfInput() {
        try {
            while (System.in.read() >= 0) {
                // nothing is sent: the parent only closes the stream
            }
        } catch (IOException ignored) {
            // the parent is gone: close as at the end of input
        }
    }

    /** Reports what the listener cannot: a stopped projection, and progress. */
    private static void watch(ProjectionRunner runner) {
        boolean stopped = false;
        boolean failed = false;
        long applied = -1;
        while (true) {
            RunnerStatus status = runner.status();
            if (status.state() == RunnerStatus.State.FAILED && !failed) {
                failed = true;
                report("FAILED " + status.problem().map(Throwable::toString).orElse("?"));
            }
            for (ProjectionStatus projection : status.projections()) {
                if (projection.state() == ProjectionStatus.State.STOPPED && !stopped) {
                    stopped = true;
                    report("STOPPED " + projection.stoppedOn().map(FailedEvent::toString).orElse("?"));
                }
                if (projection.applied() != applied) {
                    applied = projection.applied();
                    report("APPLIED " + applied);
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void report(String line) {
        synchronized (OUT) {
            OUT.println(line);
            OUT.flush();
        }
    }

    private static final class Reporter implements ProjectionListener {

        @Override
        public void stateChanged(RunnerStatus.State state, Throwable problem) {
            report("STATE " + state + (problem == null ? "" : " " + problem));
        }

        @Override
        public void catchUpProgress(CatchUpProgress progress) {
            report("CATCHUP " + progress.done() + "/" + progress.total());
        }

        @Override
        public void poisoned(FailedEvent event, PoisonPolicy policy) {
            report("POISONED " + policy + " " + event);
        }
    }
}
