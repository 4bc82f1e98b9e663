package dev.stele.inspect.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.stele.inspect.InspectionStatus;
import dev.stele.inspect.ProjectionReport;
import dev.stele.inspect.SlotReport;
import dev.stele.projection.Lsn;
import dev.stele.replication.FailedEvent;
import dev.stele.replication.SlotStatus;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StatusFormatsTest {

    private static final Instant AT = Instant.parse("2026-11-30T12:00:00Z");

    private static InspectionStatus status(boolean slotMissing, boolean stopped) {
        SlotStatus live = new SlotStatus("app_projections", "pgoutput", true, Lsn.parse("0/100"), Lsn.parse("0/180"),
                SlotStatus.WalStatus.RESERVED, OptionalLong.empty(), Lsn.parse("0/200"));
        Optional<FailedEvent> stop = stopped ? Optional.of(new FailedEvent("totals", 7, "order", "o-1", 3,
                new UUID(0, 7), "OrderPaid", 2, "java.lang.IllegalStateException: boom", 5, AT)) : Optional.empty();
        return new InspectionStatus(AT, Lsn.parse("0/200"),
                List.of(new SlotReport("app_projections", SlotReport.Kind.PROJECTIONS, List.of("totals"),
                        slotMissing ? Optional.empty() : Optional.of(live))),
                List.of(new ProjectionReport("totals", "app_projections", 2,
                        stopped ? ProjectionReport.Phase.STOPPED : ProjectionReport.Phase.FOLLOWING_SLOT,
                        Lsn.parse("0/180"), 128, 0, stop, 1)), true);
    }

    @Test
    void aHealthyStatusPrintsItsSlotsAndProjectionsAsTables() {
        InspectionStatus status = status(false, false);
        assertThat(status.healthy()).isTrue();
        assertThat(StatusText.status(status)).isEqualTo("""
                HEALTHY at 2026-11-30T12:00:00Z, log at 0/200

                SLOT             KIND         USED BY  ACTIVE  WAL STATUS  CONFIRMED  LAG BYTES  WAL RETAINED
                ---------------  -----------  -------  ------  ----------  ---------  ---------  ------------
                app_projections  projections  totals   true    RESERVED    0/180      128        256

                PROJECTION  SLOT             PARTITIONS  PHASE           CHECKPOINT  LAG BYTES  PARKED  STOPPED ON
                ----------  ---------------  ----------  --------------  ----------  ---------  ------  ----------
                totals      app_projections  2           FOLLOWING_SLOT  0/180       128        1       -
                """);
    }

    @Test
    void aMissingSlotAndAStoppedProjectionAreProblems() throws IOException {
        InspectionStatus status = status(true, true);
        assertThat(status.healthy()).isFalse();
        assertThat(status.problems()).containsExactly(
                "slot app_projections of [totals] is missing: its reader cannot resume without skipping what it held",
                "projection totals is stopped on OrderPaid v2 at position 7 (stream order-o-1 version 3, event"
                        + " 00000000-0000-0000-0000-000000000007): java.lang.IllegalStateException: boom after 5 attempts");
        assertThat(StatusText.status(status)).startsWith("UNHEALTHY").contains("MISSING")
                .endsWith("after 5 attempts\n");

        String json = StatusJson.json(status);
        try (JsonParser in = ReplayJson.JSON.createParser(json)) {
            while (in.nextToken() != null) {
                // well-formed to the end
            }
        }
        assertThat(json).contains("\"healthy\" : false", "\"exists\" : false", "\"phase\" : \"stopped\"",
                "\"stream\" : \"order-o-1\"", "\"attempts\" : 5");
        assertThat(json).doesNotContain("\"active\"");
    }

    @Test
    void aLostSlotIsAProblem() {
        SlotReport lost = new SlotReport("s", SlotReport.Kind.RELAY, List.of("p"), Optional.of(new SlotStatus("s",
                "pgoutput", false, Lsn.NONE, Lsn.parse("0/10"), SlotStatus.WalStatus.LOST, OptionalLong.empty(),
                Lsn.parse("0/20"))));
        InspectionStatus status = new InspectionStatus(AT, Lsn.parse("0/20"), List.of(lost), List.of(), true);
        assertThat(status.problems()).containsExactly("slot s of [p] is lost (wal_status lost): the log it needs was"
                + " removed");
    }
}
