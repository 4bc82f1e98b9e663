package dev.stele.cdc.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.stele.cdc.ChangeSource;
import dev.stele.cdc.LogicalMessage;
import dev.stele.cdc.MalformedChangeException;
import dev.stele.cdc.SkippedChange;
import dev.stele.projection.Lsn;
import dev.stele.spi.codec.CodecFailure;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One Debezium change event read from its JSON bytes in one pass of Jackson's streaming parser: with the schema
 * envelope ({@code {"schema": …, "payload": …}}) or without it. Rows are kept as JSON values until the event has
 * said its table and operation.
 */
final class ChangeEnvelope {

    // no STRICT_DUPLICATE_DETECTION: its set of names per object costs more than the rest of the reading; the
    // fields Stele reads are refused when repeated, the others do not matter
    private static final JsonFactory JSON = JsonFactory.builder().build();

    EnvelopeSchema schema;
    JsonRow before;
    JsonRow after;
    String op;
    String sourceSchema;
    String sourceTable;
    Long lsn;
    Long txId;
    Long sourceMillis;
    boolean snapshot;
    boolean sawBefore;
    boolean sawAfter;
    private boolean sawOp;
    private boolean sawSource;
    private boolean sawMessage;
    String messagePrefix;
    String messageContent;
    private SchemaCache schemas;

    private ChangeEnvelope() {
    }

    /**
     * Reads {@code bytes}, or fails with a {@link MalformedChangeException} naming where; a schema envelope whose
     * schema {@code schemas} has seen is read from its payload on.
     */
    static ChangeEnvelope read(byte[] bytes, SchemaCache schemas) {
        ChangeEnvelope envelope = new ChangeEnvelope();
        SchemaCache.Hit hit = schemas.find(bytes);
        if (hit != null) {
            envelope.readCachedEnvelope(bytes, hit);
            return envelope;
        }
        envelope.schemas = schemas;
        String path = "$";
        try (JsonParser parser = JSON.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedChangeException(path, null, "expected a JSON object, found "
                        + parser.currentToken());
            }
            String first = parser.nextFieldName();
            if ("schema".equals(first) || "payload".equals(first)) {
                path = envelope.readEnveloped(parser, first, bytes);
            } else {
                path = "payload";
                envelope.readPayload(parser, first);
            }
            path = "$";
            if (parser.nextToken() != null) {
                throw new MalformedChangeException(path, envelope.table(), "more JSON follows the event's object");
            }
        } catch (IOException e) {
            throw new MalformedChangeException(path, envelope.table(), "not a complete JSON change event: "
                    + CodecFailure.of(e).reason());
        }
        return envelope;
    }

    /** The payload of an envelope whose schema was read before, then the envelope's end and nothing else. */
    private void readCachedEnvelope(byte[] bytes, SchemaCache.Hit hit) {
        schema = hit.schema();
        String path = "payload";
        int start = hit.payloadStart();
        try (JsonParser parser = JSON.createParser(bytes, start, bytes.length - start)) {
            JsonToken token = parser.nextToken();
            if (token != JsonToken.START_OBJECT) {
                throw new MalformedChangeException(path, null, "expected an object, found " + token);
            }
            readPayload(parser, parser.nextFieldName());
            path = "$";
            int end = start + (int) parser.currentLocation().getByteOffset();
            int close = skipSpace(bytes, end);
            if (close >= bytes.length || bytes[close] != '}') {
                throw new MalformedChangeException(path, table(), close >= bytes.length
                        ? "the envelope is not closed after its payload"
                        : "the envelope has more than schema and payload");
            }
            if (skipSpace(bytes, close + 1) != bytes.length) {
                throw new MalformedChangeException(path, table(), "more JSON follows the event's object");
            }
        } catch (IOException e) {
            throw new MalformedChangeException(path, table(), "not a complete JSON change event: "
                    + CodecFailure.of(e).reason());
        }
    }

    private static int skipSpace(byte[] bytes, int from) {
        int at = from;
        while (at < bytes.length && (bytes[at] == ' ' || bytes[at] == '\n' || bytes[at] == '\r' || bytes[at] == '\t')) {
            at++;
        }
        return at;
    }

    /** A tombstone: Kafka's null value after a delete, which has no source to say. */
    static SkippedChange tombstone() {
        return new SkippedChange(SkippedChange.Reason.TOMBSTONE, Optional.empty(),
                new ChangeSource("", Optional.empty(), OptionalLong.empty(), Optional.empty(), false));
    }

    /** Where the change comes from, as its {@code source} says. */
    ChangeSource source() {
        String table = table();
        Instant at = null;
        if (sourceMillis != null) {
            try {
                at = Instant.ofEpochMilli(sourceMillis);
            } catch (DateTimeException e) {
                throw new MalformedChangeException("payload.source.ts_ms", table, sourceMillis
                        + " milliseconds since 1970 is outside the range of an Instant");
            }
        }
        return new ChangeSource(table == null ? "" : table, lsn == null ? Optional.empty() : Optional.of(new Lsn(lsn)),
                txId == null ? OptionalLong.empty() : OptionalLong.of(txId), Optional.ofNullable(at), snapshot);
    }

    /** The logical decoding message of an {@code op m} event, handed on. */
    LogicalMessage logicalMessage(ChangeSource source) {
        if (messagePrefix == null || messageContent == null) {
            throw new MalformedChangeException("payload.message", null, "a logical decoding message (op m) needs"
                    + " message.prefix and message.content");
        }
        try {
            return new LogicalMessage(messagePrefix, Base64.getDecoder().decode(messageContent), source);
        } catch (IllegalArgumentException e) {
            throw new MalformedChangeException("payload.message.content", null, "not base64: " + e.getMessage());
        }
    }

    /** {@code schema.table} as the source names it, or null before the source was read. */
    String table() {
        return sourceTable == null ? null : (sourceSchema == null ? "" : sourceSchema + ".") + sourceTable;
    }

    private String readEnveloped(JsonParser parser, String first, byte[] bytes) throws IOException {
        boolean sawPayload = false;
        boolean sawSchema = false;
        long payloadOffset = -1;
        for (String name = first; name != null; name = parser.nextFieldName()) {
            JsonToken token = parser.nextToken();
            if (name.equals("schema")) {
                if (sawSchema) {
                    throw new MalformedChangeException("schema", null, "the envelope has two schemas");
                }
                sawSchema = true;
                if (token == JsonToken.START_OBJECT) {
                    int from = (int) parser.currentTokenLocation().getByteOffset();
                    schema = EnvelopeSchema.read(parser);
                    schemas.add(bytes, from, (int) parser.currentLocation().getByteOffset(), schema);
                } else if (token != JsonToken.VALUE_NULL) {
                    throw new MalformedChangeException("schema", null, "expected an object, found " + token);
                }
            } else if (name.equals("payload")) {
                if (sawPayload) {
                    throw new MalformedChangeException("payload", null, "the envelope has two payloads");
                }
                sawPayload = true;
                if (token == JsonToken.VALUE_NULL) {
                    throw new MalformedChangeException("payload", null, "the payload is null; a tombstone is a null"
                            + " value, not a null payload");
                }
                if (token != JsonToken.START_OBJECT) {
                    throw new MalformedChangeException("payload", null, "expected an object, found " + token);
                }
                if (schema == null) {
                    // the payload came first: read it once the schema, which decides its values, has been read
                    payloadOffset = parser.currentTokenLocation().getByteOffset();
                    parser.skipChildren();
                } else {
                    readPayload(parser, parser.nextFieldName());
                }
            } else {
                throw new MalformedChangeException("$", null, "the envelope has a field '" + name
                        + "'; expected only schema and payload");
            }
        }
        if (!sawPayload) {
            throw new MalformedChangeException("payload", null, "the envelope has no payload");
        }
        if (payloadOffset >= 0) {
            try (JsonParser payload = JSON.createParser(bytes, (int) payloadOffset, bytes.length - (int) payloadOffset)) {
                payload.nextToken();
                readPayload(payload, payload.nextFieldName());
            }
        }
        return "$";
    }

    private void readPayload(JsonParser parser, String first) throws IOException {
        for (String name = first; name != null; name = parser.nextFieldName()) {
            JsonToken token = parser.nextToken();
            switch (name) {
                case "before" -> {
                    sawBefore = once(sawBefore, "payload.before");
                    before = row(parser, token, "payload.before");
                }
                case "after" -> {
                    sawAfter = once(sawAfter, "payload.after");
                    after = row(parser, token, "payload.after");
                }
                case "op" -> {
                    sawOp = once(sawOp, "payload.op");
                    op = string(parser, token, "payload.op");
                }
                case "source" -> {
                    sawSource = once(sawSource, "payload.source");
                    readSource(parser, token);
                }
                case "message" -> {
                    sawMessage = once(sawMessage, "payload.message");
                    readMessage(parser, token);
                }
                default -> skip(parser, token);
            }
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw new IOException("the event ends inside its payload");
        }
    }

    /** {@code true}, unless the field was seen before: a field Stele reads is refused when repeated. */
    private boolean once(boolean seen, String path) {
        if (seen) {
            throw new MalformedChangeException(path, table(), "the field appears twice");
        }
        return true;
    }

    private JsonRow row(JsonParser parser, JsonToken token, String path) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.START_OBJECT) {
            throw new MalformedChangeException(path, table(), "expected an object or null, found " + token);
        }
        return JsonRow.read(parser);
    }

    private void readSource(JsonParser parser, JsonToken token) throws IOException {
        if (token != JsonToken.START_OBJECT) {
            throw new MalformedChangeException("payload.source", table(), "expected an object, found " + token);
        }
        int seen = 0;
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            JsonToken value = parser.nextToken();
            int bit = switch (name) {
                case "schema" -> 1;
                case "table" -> 2;
                case "lsn" -> 4;
                case "txId" -> 8;
                case "ts_ms" -> 16;
                default -> 0;
            };
            if ((seen & bit) != 0) {
                throw new MalformedChangeException("payload.source." + name, table(), "the field appears twice");
            }
            seen |= bit;
            switch (name) {
                case "schema" -> sourceSchema = string(parser, value, "payload.source.schema");
                case "table" -> sourceTable = string(parser, value, "payload.source.table");
                case "lsn" -> lsn = number(parser, value, "payload.source.lsn");
                case "txId" -> txId = number(parser, value, "payload.source.txId");
                case "ts_ms" -> sourceMillis = number(parser, value, "payload.source.ts_ms");
                case "snapshot" -> snapshot = value == JsonToken.VALUE_TRUE
                        || value == JsonToken.VALUE_STRING && !parser.getText().equals("false");
                default -> skip(parser, value);
            }
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw new IOException("the event ends inside its source");
        }
    }

    private void readMessage(JsonParser parser, JsonToken token) throws IOException {
        if (token != JsonToken.START_OBJECT) {
            throw new MalformedChangeException("payload.message", table(), "expected an object, found " + token);
        }
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            JsonToken value = parser.nextToken();
            switch (name) {
                case "prefix" -> messagePrefix = string(parser, value, "payload.message.prefix");
                case "content" -> messageContent = string(parser, value, "payload.message.content");
                default -> skip(parser, value);
            }
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw new IOException("the event ends inside its message");
        }
    }

    private String string(JsonParser parser, JsonToken token, String path) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.VALUE_STRING) {
            throw new MalformedChangeException(path, table(), "expected a string, found " + token);
        }
        return parser.getText();
    }

    private Long number(JsonParser parser, JsonToken token, String path) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw new MalformedChangeException(path, table(), "expected an integer, found " + token);
        }
        return parser.getLongValue();
    }

    private static void skip(JsonParser parser, JsonToken token) throws IOException {
        if (token == null) {
            throw new IOException("the event ends inside a value");
        }
        parser.skipChildren();
    }
}
