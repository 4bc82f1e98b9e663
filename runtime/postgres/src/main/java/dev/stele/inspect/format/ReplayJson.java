package dev.stele.inspect.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.stele.inspect.Replay;
import dev.stele.inspect.ReplayedEvent;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * A {@link Replay} as JSON lines: one object per event, on one line each, {@code \n} after each. The event's data is
 * the catalog's JSON of the latest version; {@code state} the aggregate's snapshot JSON, when the replay has states.
 */
public final class ReplayJson {

    static final JsonFactory JSON = JsonFactory.builder().build();

    private ReplayJson() {
    }

    public static String lines(Replay replay) {
        StringBuilder lines = new StringBuilder();
        for (ReplayedEvent event : replay.events()) {
            lines.append(line(replay, event)).append('\n');
        }
        return lines.toString();
    }

    static String line(Replay replay, ReplayedEvent e) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = JSON.createGenerator(text)) {
            out.writeStartObject();
            out.writeStringField("stream", replay.stream().toString());
            out.writeNumberField("version", e.streamVersion());
            out.writeStringField("event", e.eventName());
            out.writeNumberField("storedVersion", e.storedVersion());
            out.writeNumberField("latestVersion", e.latestVersion());
            out.writeStringField("recordedAt", e.recordedAt().toString());
            out.writeStringField("eventId", e.eventId().toString());
            out.writeNumberField("globalPosition", e.globalPosition());
            out.writeStringField("correlationId", e.correlationId());
            out.writeStringField("causationId", e.causationId());
            out.writeFieldName("data");
            out.writeRawValue(e.eventJson());
            if (e.stateJson().isPresent()) {
                out.writeFieldName("state");
                out.writeRawValue(e.stateJson().get());
            }
            out.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return text.toString();
    }
}
