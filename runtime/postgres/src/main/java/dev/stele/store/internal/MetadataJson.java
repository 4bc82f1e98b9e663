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
import java.util.TreeMap;

/** Event metadata as the {@code metadata} jsonb column holds it: {@code {"correlationId", "causationId", "headers"}}. */
public final class MetadataJson {

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
                for (Map.Entry<String, String> header : new TreeMap<>(metadata.headers()).entrySet()) {
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

    /**
     * Where {@code metadata} holds the character U+0000, which {@code jsonb} cannot store, as words
     * ({@code its metadata's correlationId}); null if it holds none.
     */
    static String whereNul(EventMetadata metadata) {
        if (holdsNul(metadata.correlationId())) {
            return "its metadata's correlationId";
        }
        if (holdsNul(metadata.causationId())) {
            return "its metadata's causationId";
        }
        for (Map.Entry<String, String> header : new TreeMap<>(metadata.headers()).entrySet()) {
            String name = header.getKey().replace("\0", "\\u0000");
            if (holdsNul(header.getKey())) {
                return "the name of its metadata header '" + name + "'";
            }
            if (holdsNul(header.getValue())) {
                return "its metadata header '" + name + "'";
            }
        }
        return null;
    }

    private static boolean holdsNul(String value) {
        return value != null && value.indexOf('\0') >= 0;
    }

    /**
     * Reads what {@link #write} wrote. Fields that other tools add are ignored, but one of ours with
     * another type is an error, never dropped: {@code correlationId} and {@code causationId} are strings
     * or null, {@code headers} an object of strings, or null.
     */
    public static EventMetadata read(String json) throws IOException {
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
                switch (field) {
                    case "correlationId" -> correlation = string(in, token, "correlationId");
                    case "causationId" -> causation = string(in, token, "causationId");
                    case "headers" -> {
                        if (token == JsonToken.START_OBJECT) {
                            String name;
                            while ((name = in.nextFieldName()) != null) {
                                JsonToken value = in.nextToken();
                                if (value != JsonToken.VALUE_STRING) {
                                    throw wrongType(in, value, "header '" + name + "'", "a string");
                                }
                                headers.put(name, in.getText());
                            }
                        } else if (token != JsonToken.VALUE_NULL) {
                            throw wrongType(in, token, "headers", "an object of strings");
                        }
                    }
                    default -> in.skipChildren();
                }
            }
        }
        return new EventMetadata(correlation, causation, headers);
    }

    private static String string(JsonParser in, JsonToken token, String field) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.VALUE_STRING) {
            throw wrongType(in, token, field, "a string");
        }
        return in.getText();
    }

    private static IOException wrongType(JsonParser in, JsonToken token, String field, String expected)
            throws IOException {
        String kind = switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + in.getText();
            case VALUE_TRUE, VALUE_FALSE -> "the boolean " + in.getText();
            case VALUE_NULL -> "null";
            default -> in.getText();
        };
        return new IOException(field + " is " + kind + ", not " + expected);
    }
}
