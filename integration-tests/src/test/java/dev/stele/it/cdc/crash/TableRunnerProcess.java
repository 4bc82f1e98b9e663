package dev.stele.it.cdc.crash;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.stele.catalog.Catalog;
import dev.stele.it.projection.RunnerProcess;
import dev.stele.replication.ProjectionOptions;
import dev.stele.replication.ProjectionRunner;
import dev.stele.replication.ReplicationConnection;
import dev.stele.store.EventStoreOptions;
import java.util.Properties;

/**
 * A {@link ProjectionRunner} with the {@link CrashAccountCopies} projection in a JVM of its own, for the test that
 * kills it ({@code ChildRunner} starts it). Arguments: JDBC URL, schema, slot, partitions, and the slot's
 * {@code logical_decoding_work_mem} (a transaction larger than that comes streamed, in chunks, before its commit).
 *
 * <p>It reports on stdout through {@link RunnerProcess#serve}, one line each: {@code READY}, {@code STATE <runner
 * state>}, {@code POISONED <event>}, {@code STOPPED <event>}, {@code FAILED <problem>}, {@code APPLIED <n>} now
 * and then, {@code CLOSED} at the end. It closes the runner and exits when its stdin ends.
 */
public final class TableRunnerProcess {

    private TableRunnerProcess() {
    }

    public static void main(String[] args) {
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
        try (HikariDataSource pool = new HikariDataSource(config)) {
            RunnerProcess.serve(ProjectionRunner.builder(pool, ReplicationConnection.of(url, replication))
                    .slot(slot)
                    .catalog(Catalog.load())
                    .storeOptions(EventStoreOptions.defaults().withSchema(schema))
                    .projection(new CrashAccountCopies(schema), ProjectionOptions.defaults().withPartitions(partitions)));
        }
    }
}
