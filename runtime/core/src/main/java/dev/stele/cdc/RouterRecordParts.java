package dev.stele.cdc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;
import java.util.UUID;

/**
 * How Kafka Connect's converters write the parts of an Outbox Event Router record, read with Jackson's streaming
 * parser (no tree): the event's JSON in a value, the text of a key or header, a strict UUID. For
 * {@link OutboxRouterRecords}; nothing here throws Stele's errors, it says what it found.
 */
final class RouterRecordParts {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private RouterRecordParts() {
    }

    /**
     * The event's JSON in a value: {@code text} (the content of a JSON string) or {@code bytes} (a JSON object),
     * or else {@code problem}, why the value holds none.
     */
    record Payload(String text, byte[] bytes, String problem) {

        static Payload problem(String problem) {
            return new Payload(null, null, problem);
        }
    }

    /**
     * The event's JSON in {@code value}, inside the converter's schema envelope if {@code envelope}.
     *
     * @throws IOException if the value is not JSON, or is truncated
     */
    static Payload payload(byte[] value, boolean envelope) throws IOException {
        try (JsonParser in = JSON.createParser(value)) {
            JsonToken first = in.nextToken();
            if (first == null) {
                return Payload.problem("empty; it must hold the event's JSON");
            }
            Payload payload = null;
            if (envelope) {
                if (first != JsonToken.START_OBJECT) {
                    return Payload.problem("a JSON " + describe(first) + ", not the converter's {\"schema\": …,"
                            + " \"payload\": …} envelope; is value.converter.schemas.enable false?");
                }
                for (String field = in.nextFieldName(); field != null; field = in.nextFieldName()) {
                    JsonToken token = in.nextToken();
                    if (field.equals("payload") && payload == null) {
                        payload = payloadAt(in, token, value);
                    } else {
                        in.skipChildren();
                    }
                }
                if (payload == null) {
                    return Payload.problem("the converter's schema envelope has no field 'payload'");
                }
            } else {
                payload = payloadAt(in, first, value);
            }
            if (in.nextToken() != null) {
                return Payload.problem("more JSON after the value");
            }
            return payload;
        }
    }

    private static Payload payloadAt(JsonParser in, JsonToken token, byte[] value) throws IOException {
        if (token == JsonToken.VALUE_STRING) {
            return new Payload(in.getText(), null, null);
        }
        if (token == JsonToken.START_OBJECT) {
            int start = (int) in.currentTokenLocation().getByteOffset();
            in.skipChildren();
            int end = (int) in.currentLocation().getByteOffset();
            return new Payload(null, Arrays.copyOfRange(value, start, end), null);
        }
        in.skipChildren();
        return Payload.problem("the payload is a JSON " + describe(token) + ", but it must be the event's JSON object"
                + " or a string holding it (the outbox's payload column)");
    }

    /**
     * Whether {@code value} is an object of exactly the fields {@code schema} (an object or null) and
     * {@code payload}: JsonConverter's envelope with {@code schemas.enable=true}.
     *
     * @throws IOException if the value is not JSON, or is truncated
     */
    static boolean isSchemaEnvelope(byte[] value) throws IOException {
        try (JsonParser in = JSON.createParser(value)) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            boolean schema = false;
            boolean payload = false;
            int fields = 0;
            for (String field = in.nextFieldName(); field != null; field = in.nextFieldName()) {
                JsonToken token = in.nextToken();
                fields++;
                if (field.equals("schema")) {
                    schema = token == JsonToken.START_OBJECT || token == JsonToken.VALUE_NULL;
                } else if (field.equals("payload")) {
                    payload = true;
                }
                in.skipChildren();
            }
            return fields == 2 && schema && payload;
        }
    }

    /**
     * The text of a key or header as JsonConverter writes it: a JSON string or integer, bare or as the
     * {@code payload} of the schema envelope; the empty string for JSON {@code null}; null if the bytes are not
     * one of those (then they are a StringConverter's plain text, or nothing readable).
     */
    static String jsonScalar(byte[] bytes) {
        try (JsonParser in = JSON.createParser(bytes)) {
            JsonToken token = in.nextToken();
            String text;
            if (token == JsonToken.START_OBJECT) {
                text = null;
                int fields = 0;
                boolean schema = false;
                for (String field = in.nextFieldName(); field != null; field = in.nextFieldName()) {
                    JsonToken inner = in.nextToken();
                    fields++;
                    if (field.equals("payload") && isScalar(inner)) {
                        text = inner == JsonToken.VALUE_NULL ? "" : in.getText();
                    } else if (field.equals("schema")) {
                        schema = inner == JsonToken.START_OBJECT || inner == JsonToken.VALUE_NULL;
                    }
                    in.skipChildren();
                }
                if (fields != 2 || !schema) {
                    return null;
                }
            } else if (isScalar(token)) {
                text = token == JsonToken.VALUE_NULL ? "" : in.getText();
            } else {
                return null;
            }
            return in.nextToken() == null ? text : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean isScalar(JsonToken token) {
        return token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NULL;
    }

    /** The UUID of canonical text (8-4-4-4-12 hexadecimal digits); null otherwise ({@link UUID#fromString} is lenient). */
    static UUID strictUuid(String text) {
        if (text.length() != 36) {
            return null;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            boolean hex = c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
            if (dash ? c != '-' : !hex) {
                return null;
            }
        }
        return UUID.fromString(text);
    }

    static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "array";
            case START_OBJECT -> "object";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }
}
