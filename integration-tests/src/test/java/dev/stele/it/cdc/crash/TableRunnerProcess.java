package dev.stele.it.cdc.crash;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.stele.catalog.Catalog;
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
import java.util.Properties;

/**
 * A {@link ProjectionRunner} with the {@link CrashAccountCopies} projection in a JVM of its own, for the test that
 * kills it ({@code ChildRunner} starts it). Arguments: JDBC URL, schema, slot, partitions, and the slot's
 * {@code logical_decoding_work_mem} (a transaction larger than that comes streamed, in chunks, before its commit).
 *
 * <p>It reports on stdout as {@code RunnerProcess} does, one line each: {@code READY}, {@code STATE <runner
 * state>}, {@code POISONED <event>}, {@code STOPPED <event>}, {@code FAILED <problem>}, {@code APPLIED <n>} now
 * and then, {@code CLOSED} at the end. It closes the runner and exits when its stdin ends.
 */
public final class TableRunnerProcess {

    private static final PrintStream OUT = System.out;

    private TableRunnerProcess() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String schema = args[1];
        String slot = args[2];
        int partitions = Integer.parseInt(args[3]);
        Properties replication = new Properties();
        replication.setProperty("options", "-c logical_decoding_work_mem=" + args[4]);

        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(partitions + 3);
        config.setPoolName("stele-table-child");
        config.addDataSourceProperty("ApplicationName", "stele-it-table-child");
        try (HikariDataSource pool = new HikariDataSource(config);
                ProjectionRunner runner = ProjectionRunner.builder(pool, ReplicationConnection.of(url, replication))
                        .slot(slot)
                        .catalog(Catalog.load())
                        .storeOptions(EventStoreOptions.defaults().withSchema(schema))
                        .projection(new CrashAccountCopies(schema),
                                ProjectionOptions.defaults().withPartitions(partitions))
                        .listener(new Reporter())
                        .build()) {
            runner.start();
            report("READY");
            Thread watcher = new Thread(() -> watch(runner), "stele-table-child-watcher");
            watcher.setDaemon(true);
            watcher.start();
            try {
                while (System.in.read() >= 0) {
                    // nothing is sent: the parent only closes the stream
                }
            } catch (IOException ignored) {
                // the parent is gone: close as at the end of input
            }
        }
        report("CLOSED");
        System.exit(0);
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
        public void poisoned(FailedEvent event, PoisonPolicy policy) {
            report("POISONED " + policy + " " + event);
        }
    }
}
