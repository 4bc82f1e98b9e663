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
                List.of(new ProjectionReport("totals", "totals", 1, true, Optional.of(AT), "app_projections", 2,
                        stopped ? ProjectionReport.Phase.STOPPED : ProjectionReport.Phase.FOLLOWING_SLOT,
                        Lsn.parse("0/180"), 128, 0, Optional.empty(), stop, 1)), true);
    }

    /** Version 2 of totals is current; version 1 is still registered; version 3 catches up beside them. */
    private static InspectionStatus rebuilding() {
        SlotStatus live = new SlotStatus("app_projections", "pgoutput", true, Lsn.parse("0/100"), Lsn.parse("0/180"),
                SlotStatus.WalStatus.RESERVED, OptionalLong.empty(), Lsn.parse("0/200"));
        return new InspectionStatus(AT, Lsn.parse("0/200"),
                List.of(new SlotReport("app_projections", SlotReport.Kind.PROJECTIONS,
                        List.of("totals", "totals@v2", "totals@v3"), Optional.of(live))),
                List.of(new ProjectionReport("totals", "totals", 1, false, Optional.empty(), "app_projections", 1,
                                ProjectionReport.Phase.SUPERSEDED, Lsn.parse("0/180"), 128, 0, Optional.empty(),
                                Optional.empty(), 0),
                        new ProjectionReport("totals@v2", "totals", 2, true, Optional.of(AT), "app_projections", 1,
                                ProjectionReport.Phase.FOLLOWING_SLOT, Lsn.parse("0/180"), 128, 0, Optional.empty(),
                                Optional.empty(), 0),
                        new ProjectionReport("totals@v3", "totals", 3, false, Optional.empty(), "app_projections", 1,
                                ProjectionReport.Phase.REBUILDING, Lsn.parse("0/140"), 192, 1200,
                                Optional.of(new ProjectionReport.CatchUp(1200, 5000, true)), Optional.empty(), 0)),
                true);
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

                PROJECTION  VERSION    SLOT             PARTITIONS  PHASE           CATCH-UP  CHECKPOINT  LAG BYTES  PARKED  STOPPED ON
                ----------  ---------  ---------------  ----------  --------------  --------  ----------  ---------  ------  ----------
                totals      1 current  app_projections  2           FOLLOWING_SLOT  -         0/180       128        1       -
                """);
    }

    @Test
    void aVersionRebuildingBesideTheCurrentOneAndASupersededOneAreHealthyAndShownWithTheirVersions()
            throws IOException {
        InspectionStatus status = rebuilding();
        assertThat(status.healthy()).isTrue();
        assertThat(status.versions("totals")).extracting(ProjectionReport::version).containsExactly(1, 2, 3);
        assertThat(StatusText.status(status)).endsWith("""
                PROJECTION  VERSION    SLOT             PARTITIONS  PHASE           CATCH-UP      CHECKPOINT  LAG BYTES  PARKED  STOPPED ON
                ----------  ---------  ---------------  ----------  --------------  ------------  ----------  ---------  ------  ----------
                totals      1          app_projections  1           SUPERSEDED      -             0/180       128        0       -
                totals      2 current  app_projections  1           FOLLOWING_SLOT  -             0/180       128        0       -
                totals      3          app_projections  1           REBUILDING      1200 of 5000  0/140       192        0       -
                """);
        String json = StatusJson.json(status);
        assertThat(json).contains("\"name\" : \"totals@v3\",\n    \"projectionName\" : \"totals\",\n    \"version\" : 3,"
                + "\n    \"current\" : false,\n    \"switchedAt\" : null,");
        assertThat(json).contains("\"phase\" : \"rebuilding\"", "\"phase\" : \"superseded\"",
                "\"catchUp\" : {\n      \"done\" : 1200,\n      \"total\" : 5000,\n      \"handledOnly\" : true\n    }",
                "\"switchedAt\" : \"2026-11-30T12:00:00Z\"");
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
