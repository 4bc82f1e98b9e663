package dev.stele.it.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.replication.SlotStatus;
import dev.stele.replication.internal.SlotQueries;
import dev.stele.test.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What PostgreSQL says of a slot, read as an operator would watch it, up to a slot whose log was removed. */
class SlotStatusTest {

    @Test
    void aNewSlotReservesTheLogFromWhereItWasCreated() throws SQLException {
        try (Connection connection = TestDatabase.dataSource().getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("SELECT pg_create_logical_replication_slot('stele_it_status', 'pgoutput')");
            try {
                sql.execute("CREATE TABLE IF NOT EXISTS slot_status_probe (n int)");
                sql.execute("INSERT INTO slot_status_probe SELECT generate_series(1, 1000)");

                SlotStatus status = SlotQueries.status(connection, "stele_it_status").orElseThrow();

                assertThat(status.plugin()).isEqualTo("pgoutput");
                assertThat(status.active()).isFalse();
                assertThat(status.walStatus()).isEqualTo(SlotStatus.WalStatus.RESERVED);
                assertThat(status.isUsable()).isTrue();
                assertThat(status.currentLsn().isAfter(status.confirmedFlushLsn())).isTrue();
                assertThat(status.unconfirmedBytes()).isPositive();
                assertThat(status.walRetainedBytes()).isGreaterThanOrEqualTo(status.unconfirmedBytes());
            } finally {
                sql.execute("SELECT pg_drop_replication_slot('stele_it_status')");
                sql.execute("DROP TABLE IF EXISTS slot_status_probe");
            }
        }
    }

    @Test
    void aSlotThatDoesNotExistHasNoStatus() throws SQLException {
        try (Connection connection = TestDatabase.dataSource().getConnection()) {
            assertThat(SlotQueries.status(connection, "stele_it_no_such_slot")).isEmpty();
        }
    }

    @Test
    void aSlotWhoseLogWasRemovedIsLostAndSaysSo() throws Exception {
        try (Connection connection = TestDatabase.dataSource().getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("ALTER SYSTEM SET max_slot_wal_keep_size = '1MB'");
            sql.execute("SELECT pg_reload_conf()");
            sql.execute("SELECT pg_create_logical_replication_slot('stele_it_lost', 'pgoutput')");
            try {
                sql.execute("CREATE TABLE IF NOT EXISTS slot_lost_probe (n int)");
                Optional<SlotStatus> status = Optional.empty();
                for (int segment = 0; segment < 20; segment++) {
                    sql.execute("INSERT INTO slot_lost_probe SELECT generate_series(1, 100)");
                    sql.execute("SELECT pg_switch_wal()");
                    sql.execute("CHECKPOINT");
                    status = SlotQueries.status(connection, "stele_it_lost");
                    if (status.orElseThrow().walStatus() == SlotStatus.WalStatus.LOST) {
                        break;
                    }
                }

                assertThat(status.orElseThrow().walStatus()).isEqualTo(SlotStatus.WalStatus.LOST);
                assertThat(status.orElseThrow().isUsable()).isFalse();
            } finally {
                sql.execute("SELECT pg_drop_replication_slot('stele_it_lost')");
                sql.execute("DROP TABLE IF EXISTS slot_lost_probe");
                sql.execute("ALTER SYSTEM RESET max_slot_wal_keep_size");
                sql.execute("SELECT pg_reload_conf()");
            }
        }
    }

    @Test
    void slotAndPublicationNamesAreCheckedBeforeTheyReachSql() {
        assertThat(SlotQueries.checkName("slot", "order_totals_1")).isEqualTo("order_totals_1");
        for (String bad : new String[] {"Orders", "1slot", "a-b", "a b", "x'; DROP TABLE y; --", "", "a".repeat(64)}) {
            assertThatThrownBy(() -> SlotQueries.checkName("slot", bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a valid name");
        }
    }
}
