package dev.stele.inspect.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.stele.inspect.InspectionStatus;
import dev.stele.inspect.ProjectionReport;
import dev.stele.inspect.SlotReport;
import dev.stele.replication.FailedEvent;
import dev.stele.replication.SlotStatus;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/** The status as one JSON object, pretty-printed with {@code \n} line ends: what an admin endpoint returns. */
public final class StatusJson {

    private StatusJson() {
    }

    public static String json(InspectionStatus status) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = ReplayJson.JSON.createGenerator(text)) {
            out.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));
            out.writeStartObject();
            out.writeBooleanField("healthy", status.healthy());
            out.writeStringField("readAt", status.readAt().toString());
            out.writeStringField("currentLsn", status.currentLsn().toString());
            out.writeBooleanField("stopsRecorded", status.stopsRecorded());
            out.writeArrayFieldStart("problems");
            for (String problem : status.problems()) {
                out.writeString(problem);
            }
            out.writeEndArray();
            out.writeArrayFieldStart("slots");
            for (SlotReport slot : status.slots()) {
                slot(out, slot);
            }
            out.writeEndArray();
            out.writeArrayFieldStart("projections");
            for (ProjectionReport projection : status.projections()) {
                projection(out, projection);
            }
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void slot(JsonGenerator out, SlotReport slot) throws IOException {
        out.writeStartObject();
        out.writeStringField("slotName", slot.slotName());
        out.writeStringField("kind", slot.kind().name().toLowerCase(Locale.ROOT));
        out.writeArrayFieldStart("usedBy");
        for (String user : slot.users()) {
            out.writeString(user);
        }
        out.writeEndArray();
        out.writeBooleanField("exists", slot.exists());
        if (slot.slot().isPresent()) {
            SlotStatus s = slot.slot().get();
            out.writeBooleanField("active", s.active());
            out.writeStringField("walStatus", s.walStatus().name().toLowerCase(Locale.ROOT));
            out.writeStringField("restartLsn", s.restartLsn().toString());
            out.writeStringField("confirmedFlushLsn", s.confirmedFlushLsn().toString());
            out.writeNumberField("lagBytes", slot.lagBytes());
            out.writeNumberField("walRetainedBytes", slot.walRetainedBytes());
            if (s.safeWalSize().isPresent()) {
                out.writeNumberField("safeWalSize", s.safeWalSize().getAsLong());
            } else {
                out.writeNullField("safeWalSize");
            }
        }
        out.writeEndObject();
    }

    private static void projection(JsonGenerator out, ProjectionReport p) throws IOException {
        out.writeStartObject();
        out.writeStringField("name", p.name());
        out.writeStringField("projectionName", p.projectionName());
        out.writeNumberField("version", p.version());
        out.writeBooleanField("current", p.current());
        if (p.switchedAt().isPresent()) {
            out.writeStringField("switchedAt", p.switchedAt().get().toString());
        } else {
            out.writeNullField("switchedAt");
        }
        out.writeStringField("slotName", p.slotName());
        out.writeNumberField("partitions", p.partitions());
        out.writeStringField("phase", p.phase().name().toLowerCase(Locale.ROOT));
        out.writeStringField("checkpoint", p.checkpoint().toString());
        out.writeNumberField("lagBytes", p.lagBytes());
        out.writeNumberField("catchUpPosition", p.catchUpPosition());
        if (p.catchUp().isPresent()) {
            ProjectionReport.CatchUp catchUp = p.catchUp().get();
            out.writeObjectFieldStart("catchUp");
            out.writeNumberField("done", catchUp.done());
            out.writeNumberField("total", catchUp.total());
            out.writeBooleanField("handledOnly", catchUp.handledOnly());
            out.writeEndObject();
        } else {
            out.writeNullField("catchUp");
        }
        out.writeNumberField("parkedEvents", p.parkedEvents());
        if (p.stoppedOn().isPresent()) {
            out.writeFieldName("stoppedOn");
            failedEvent(out, p.stoppedOn().get());
        } else {
            out.writeNullField("stoppedOn");
        }
        out.writeEndObject();
    }

    private static void failedEvent(JsonGenerator out, FailedEvent e) throws IOException {
        out.writeStartObject();
        out.writeStringField("eventId", e.eventId().toString());
        out.writeNumberField("globalPosition", e.globalPosition());
        out.writeStringField("stream", e.streamCategory() + "-" + e.streamId());
        out.writeNumberField("streamVersion", e.streamVersion());
        out.writeStringField("event", e.eventName());
        out.writeNumberField("eventVersion", e.eventVersion());
        out.writeStringField("error", e.error());
        out.writeNumberField("attempts", e.attempts());
        out.writeStringField("at", e.failedAt() == null ? null : e.failedAt().toString());
        out.writeEndObject();
    }
}
