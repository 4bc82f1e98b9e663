package dev.stele.it.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.it.events.AccountOpened;
import dev.stele.it.events.MoneyDeposited;
import dev.stele.projection.Lsn;
import dev.stele.replication.ProjectionOptions;
import dev.stele.replication.ProjectionRunner;
import dev.stele.replication.ReplicationException;
import dev.stele.replication.SlotStatus;
import dev.stele.replication.SlotUnusableException;
import dev.stele.replication.internal.ProjectionTables;
import dev.stele.replication.internal.SlotQueries;
import dev.stele.store.internal.Tables;
import dev.stele.store.ExpectedVersion;
import dev.stele.store.StreamId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A slot that cannot give a projection what follows its checkpoint stops the runner, saying why; never recreated. */
class SlotProblemsTest {

    private Projections projections;

    @AfterEach
    void dropSlot() throws Exception {
        projections.dropSlot();
    }

    @Test
    void aLostSlotFailsTheStartWithATypedErrorAndNoProjectionAdvancesUntilItIsReset() throws Exception {
        projections = new Projections();
        runOnce(ProjectionOptions.defaults());
        Map<String, String> before = projections.projected();
        Lsn checkpoint = checkpoint();
        try (Connection connection = Projections.DATA_SOURCE.getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("ALTER SYSTEM SET max_slot_wal_keep_size = '1MB'");
            sql.execute("SELECT pg_reload_conf()");
            try {
                deposit("a-1", 10);
                for (int segment = 0; segment < 20 && slot().walStatus() != SlotStatus.WalStatus.LOST; segment++) {
                    sql.execute("SELECT pg_switch_wal()");
                    sql.execute("CHECKPOINT");
                    deposit("a-1", 1);
                }
                assertThat(slot().walStatus()).isEqualTo(SlotStatus.WalStatus.LOST);
            } finally {
                sql.execute("ALTER SYSTEM RESET max_slot_wal_keep_size");
                sql.execute("SELECT pg_reload_conf()");
            }
        }

        ProjectionRunner runner = projections.runner(ProjectionOptions.defaults()).build();
        assertThatThrownBy(runner::start).isInstanceOfSatisfying(SlotUnusableException.class, e -> {
            assertThat(e.reason()).isEqualTo(SlotUnusableException.Reason.LOST);
            assertThat(e).hasMessageContaining("'" + projections.slot + "'").hasMessageContaining("wal_status is 'lost'")
                    .hasMessageContaining("reset the projections");
        });
        assertThat(projections.projected()).isEqualTo(before);
        assertThat(checkpoint()).isEqualTo(checkpoint);

        runner.reset("balances", connection -> connection.createStatement()
                .execute("TRUNCATE " + projections.schema + ".balances"));
        try (ProjectionRunner again = projections.runner(ProjectionOptions.defaults()).build()) {
            again.start();
            projections.awaitProjected(Duration.ofSeconds(30));
        }
        assertThat(projections.projected().get("a-1")).isNotEqualTo(before.get("a-1"));
    }

    @Test
    void aDroppedSlotIsMissingNotRecreated() throws Exception {
        projections = new Projections();
        runOnce(ProjectionOptions.defaults());
        projections.dropSlot();

        assertThatThrownBy(() -> projections.runner(ProjectionOptions.defaults()).build().start())
                .isInstanceOfSatisfying(SlotUnusableException.class, e -> assertThat(e.reason())
                        .isEqualTo(SlotUnusableException.Reason.MISSING))
                .hasMessageContaining("does not exist, but projections [balances] have checkpoints on it");
        try (Connection connection = Projections.DATA_SOURCE.getConnection()) {
            assertThat(SlotQueries.status(connection, projections.slot)).as("not recreated").isEmpty();
        }
    }

    @Test
    void aSlotMovedPastACheckpointIsRefused() throws Exception {
        projections = new Projections();
        runOnce(ProjectionOptions.defaults());
        deposit("a-1", 10);
        try (Connection connection = Projections.DATA_SOURCE.getConnection();
                Statement sql = connection.createStatement()) {
            Lsn checkpoint = checkpoint();
            // the server advances a slot only to what it has flushed; commits are asynchronous here
            for (int i = 0; i < 100 && !slot().confirmedFlushLsn().isAfter(checkpoint); i++) {
                sql.execute("SELECT pg_replication_slot_advance('" + projections.slot + "', pg_current_wal_lsn())");
                Thread.sleep(50);
            }
            assertThat(slot().confirmedFlushLsn().isAfter(checkpoint)).isTrue();
        }

        assertThatThrownBy(() -> projections.runner(ProjectionOptions.defaults()).build().start())
                .isInstanceOfSatisfying(SlotUnusableException.class, e -> assertThat(e.reason())
                        .isEqualTo(SlotUnusableException.Reason.PAST_CHECKPOINT))
                .hasMessageContaining("past the checkpoint " + checkpoint() + " of projection balances");
    }

    @Test
    void aProjectionRegisteredOnAnotherSlotIsRefused() throws Exception {
        projections = new Projections();
        runOnce(ProjectionOptions.defaults());

        String other = projections.slot + "_b";
        assertThatThrownBy(() -> ProjectionRunner.builder(projections.store, Projections.replication()).slot(other)
                .projection(projections.balances).build().start())
                .isInstanceOf(ReplicationException.class)
                .hasMessageContaining("projection balances runs on slot '" + projections.slot + "', not '" + other + "'");
    }

    @Test
    void checkpointWritesAreCompareAndSet() throws Exception {
        projections = new Projections();
        runOnce(ProjectionOptions.defaults());
        ProjectionTables tables = new ProjectionTables(new Tables(projections.schema, "stele_"));
        Lsn checkpoint = checkpoint();

        try (Connection connection = Projections.DATA_SOURCE.getConnection()) {
            assertThatThrownBy(() -> tables.saveCheckpoint(connection, "balances", 0, new Lsn(1), new Lsn(2)))
                    .as("a worker whose view of the checkpoint is stale").isInstanceOf(SQLException.class)
                    .hasMessageContaining("is no longer at 0/1");
            assertThatThrownBy(() -> tables.saveCatchUpPosition(connection, "balances", -5, 10))
                    .isInstanceOf(SQLException.class).hasMessageContaining("is no longer -5");
        }
        assertThat(checkpoint()).isEqualTo(checkpoint);
    }

    @Test
    void aChangeOfPartitionsIsRefusedUntilTheProjectionIsReset() throws Exception {
        projections = new Projections();
        runOnce(ProjectionOptions.defaults().withPartitions(2));

        ProjectionRunner runner = projections.runner(ProjectionOptions.defaults().withPartitions(3)).build();
        assertThatThrownBy(runner::start).isInstanceOf(ReplicationException.class)
                .hasMessageContaining("projection balances ran with 2 partitions and is now configured with 3");

        runner.reset("balances", connection -> connection.createStatement()
                .execute("TRUNCATE " + projections.schema + ".balances"));
        try (ProjectionRunner again = projections.runner(ProjectionOptions.defaults().withPartitions(3)).build()) {
            again.start();
            projections.awaitProjected(Duration.ofSeconds(30));
        }
    }

    @Test
    void aSlotMadeBeforeItsPublicationIsMadeAgainWhenNothingDependsOnIt() throws Exception {
        projections = new Projections();
        try (Connection connection = Projections.DATA_SOURCE.getConnection();
                Statement sql = connection.createStatement()) {
            // pgoutput would fail on the first change with "publication does not exist"
            sql.execute("SELECT pg_create_logical_replication_slot('" + projections.slot + "', 'pgoutput')");
        }
        Lsn made = slot().confirmedFlushLsn();

        runOnce(ProjectionOptions.defaults());
        deposit("a-1", 10);
        try (ProjectionRunner runner = projections.runner(ProjectionOptions.defaults()).build()) {
            runner.start();
            projections.awaitProjected(Duration.ofSeconds(30));
        }
        assertThat(slot().confirmedFlushLsn().isAfter(made)).isTrue();
    }

    @Test
    void theHeartbeatMovesTheSlotWhileOnlyUnpublishedTablesAreWritten() throws Exception {
        projections = new Projections();
        runOnce(ProjectionOptions.defaults());
        try (Connection connection = Projections.DATA_SOURCE.getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE " + projections.schema + ".unpublished (n int)");
            Lsn withoutHeartbeat = confirmedAfterWriting(sql, Duration.ZERO);
            assertThat(withoutHeartbeat).as("nothing published: without a heartbeat the slot stays")
                    .isEqualTo(slot().confirmedFlushLsn());
            Lsn start = slot().confirmedFlushLsn();

            Lsn withHeartbeat = confirmedAfterWriting(sql, Duration.ofMillis(200));

            assertThat(withHeartbeat.isAfter(start)).as("confirmed_flush_lsn %s after %s", withHeartbeat, start).isTrue();
        }
    }

    /** Runs the runner while only an unpublished table is written; returns the slot's confirmed position then. */
    private Lsn confirmedAfterWriting(Statement sql, Duration heartbeat) throws Exception {
        try (ProjectionRunner runner = projections.runner(ProjectionOptions.defaults()).heartbeatInterval(heartbeat)
                .build()) {
            runner.start();
            Lsn before = slot().confirmedFlushLsn();
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < deadline && !slot().confirmedFlushLsn().isAfter(before)) {
                sql.execute("INSERT INTO " + projections.schema + ".unpublished SELECT generate_series(1, 100)");
                Thread.sleep(50);
            }
            return slot().confirmedFlushLsn();
        }
    }

    private void runOnce(ProjectionOptions options) throws Exception {
        projections.store.append(StreamId.of("account", "a-1"), ExpectedVersion.noStream(),
                List.of(new AccountOpened("a-1", "o"), new MoneyDeposited("a-1", 5)));
        try (ProjectionRunner runner = projections.runner(options).build()) {
            runner.start();
            projections.awaitProjected(Duration.ofSeconds(30));
            Projections.await(Duration.ofSeconds(10), () -> {
                try {
                    return !slot().confirmedFlushLsn().equals(Lsn.NONE) && checkpoint().equals(slot().confirmedFlushLsn());
                } catch (SQLException e) {
                    return false;
                }
            });
        }
    }

    private void deposit(String account, long amount) {
        projections.store.append(StreamId.of("account", account), ExpectedVersion.any(),
                List.of(new MoneyDeposited(account, amount)));
    }

    private SlotStatus slot() throws SQLException {
        try (Connection connection = Projections.DATA_SOURCE.getConnection()) {
            return SlotQueries.status(connection, projections.slot).orElseThrow();
        }
    }

    private Lsn checkpoint() throws SQLException {
        return Lsn.parse(Projections.query("SELECT 'c', min(lsn)::text FROM " + projections.schema
                + ".stele_projection_checkpoints").get("c"));
    }
}
