package dev.stele.store.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.stele.store.EventMetadata;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** Event metadata as the {@code metadata} jsonb column holds it: {@code {"correlationId", "causationId", "headers"}}. */
final class MetadataJson {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private MetadataJson() {
    }

    static String write(EventMetadata metadata) {
        if (metadata.isEmpty()) {
            return "{}";
        }
        StringWriter text = new StringWriter();
        try (JsonGenerator out = JSON.createGenerator(text)) {
            out.writeStartObject();
            if (metadata.correlationId() != null) {
                out.writeStringField("correlationId", metadata.correlationId());
            }
            if (metadata.causationId() != null) {
                out.writeStringField("causationId", metadata.causationId());
            }
            if (!metadata.headers().isEmpty()) {
                out.writeObjectFieldStart("headers");
                for (Map.Entry<String, String> header : new java.util.TreeMap<>(metadata.headers()).entrySet()) {
                    out.writeStringField(header.getKey(), header.getValue());
                }
                out.writeEndObject();
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** Reads what {@link #write} wrote; unknown fields (written by other tools) are ignored. */
    static EventMetadata read(String json) throws IOException {
        if (json == null || json.equals("{}")) {
            return EventMetadata.empty();
        }
        String correlation = null;
        String causation = null;
        Map<String, String> headers = new HashMap<>();
        try (JsonParser in = JSON.createParser(json)) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("metadata is not a JSON object: " + json);
            }
            String field;
            while ((field = in.nextFieldName()) != null) {
                JsonToken token = in.nextToken();
                if (field.equals("correlationId") && token == JsonToken.VALUE_STRING) {
                    correlation = in.getText();
                } else if (field.equals("causationId") && token == JsonToken.VALUE_STRING) {
                    causation = in.getText();
                } else if (field.equals("headers") && token == JsonToken.START_OBJECT) {
                    String name;
                    while ((name = in.nextFieldName()) != null) {
                        in.nextToken();
                        headers.put(name, in.getValueAsString());
                    }
                } else {
                    in.skipChildren();
                }
            }
        }
        return new EventMetadata(correlation, causation, headers);
    }
}
