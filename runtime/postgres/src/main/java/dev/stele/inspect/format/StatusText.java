package dev.stele.inspect.format;

import dev.stele.inspect.CategorySummary;
import dev.stele.inspect.InspectionStatus;
import dev.stele.inspect.ProjectionReport;
import dev.stele.inspect.SlotReport;
import dev.stele.inspect.StreamSummary;
import dev.stele.replication.SlotStatus;
import java.util.List;
import java.util.Locale;

/** Streams, categories and the status as plain-text tables. */
public final class StatusText {

    private StatusText() {
    }

    public static String categories(List<CategorySummary> categories) {
        TextTable table = new TextTable("CATEGORY", "STREAMS", "EVENTS", "FIRST RECORDED", "LAST RECORDED");
        categories.forEach(c -> table.row(c.category(), c.streams(), c.events(), c.firstRecordedAt(),
                c.lastRecordedAt()));
        return table.toString();
    }

    public static String streams(List<StreamSummary> streams) {
        TextTable table = new TextTable("STREAM", "EVENTS", "VERSION", "FIRST RECORDED", "LAST RECORDED");
        streams.forEach(s -> table.row(s.stream(), s.events(), s.version(), s.firstRecordedAt(), s.lastRecordedAt()));
        return table.toString();
    }

    public static String status(InspectionStatus status) {
        TextTable slots = new TextTable("SLOT", "KIND", "USED BY", "ACTIVE", "WAL STATUS", "CONFIRMED", "LAG BYTES",
                "WAL RETAINED");
        for (SlotReport s : status.slots()) {
            slots.row(s.slotName(), s.kind().name().toLowerCase(Locale.ROOT), String.join(",", s.users()),
                    s.exists() ? s.active() : null, s.slot().map(x -> x.walStatus().name()).orElse("MISSING"),
                    s.slot().map(SlotStatus::confirmedFlushLsn).orElse(null), s.lagBytes(), s.walRetainedBytes());
        }
        TextTable projections = new TextTable("PROJECTION", "VERSION", "SLOT", "PARTITIONS", "PHASE", "CATCH-UP",
                "CHECKPOINT", "LAG BYTES", "PARKED", "STOPPED ON");
        for (ProjectionReport p : status.projections()) {
            projections.row(p.projectionName(), p.version() + (p.current() ? " current" : ""), p.slotName(),
                    p.partitions(), p.phase(), p.catchUp().orElse(null), p.checkpoint(), p.lagBytes(),
                    p.parkedEvents(), p.stoppedOn().orElse(null));
        }
        StringBuilder text = new StringBuilder(status.healthy() ? "HEALTHY" : "UNHEALTHY").append(" at ")
                .append(status.readAt()).append(", log at ").append(status.currentLsn()).append("\n\n")
                .append(slots).append('\n').append(projections);
        if (!status.stopsRecorded()) {
            text.append("\n(this schema does not record stopped projections: ask their runners)\n");
        }
        for (String problem : status.problems()) {
            text.append("\nproblem: ").append(problem);
        }
        return status.problems().isEmpty() ? text.toString() : text.append('\n').toString();
    }
}
