package dev.stele.it.projection;

import dev.stele.demo.Database;
import dev.stele.replication.ProjectionOptions;
import dev.stele.replication.ProjectionRunner;
import dev.stele.replication.ReplicationConnection;
import dev.stele.replication.RunnerStatus;
import dev.stele.store.EventStoreOptions;

/**
 * A child process for tests that need a runner in a JVM of its own (a small heap, a kill): runs an
 * {@link EventCounter} on a slot until it has handled the expected number of events, printing its progress.
 * Arguments: schema, slot, expected events. The server comes from {@code -Dstele.jdbc.url}.
 */
public final class CountingRunnerProcess {

    private CountingRunnerProcess() {
    }

    public static void main(String[] args) throws Exception {
        String schema = args[0];
        String slot = args[1];
        long expected = Long.parseLong(args[2]);
        EventCounter counter = new EventCounter("counter", context -> {
        });
        try (ProjectionRunner runner = ProjectionRunner.builder(Database.dataSource(),
                ReplicationConnection.of(Database.jdbcUrl())).slot(slot)
                .storeOptions(EventStoreOptions.defaults().withSchema(schema))
                .projection(counter, counter, ProjectionOptions.defaults()).build()) {
            runner.start();
            while (counter.handled.get() < expected) {
                RunnerStatus status = runner.status();
                System.out.println("state=" + status.state() + " handled=" + counter.handled.get() + " heap="
                        + (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1 << 20) + "MB");
                if (status.state() == RunnerStatus.State.FAILED || status.projection("counter").orElseThrow().stoppedOn()
                        .isPresent()) {
                    System.out.println("FAILED " + status);
                    System.exit(2);
                }
                Thread.sleep(500);
            }
            System.out.println("DONE handled=" + counter.handled.get());
        }
    }
}
