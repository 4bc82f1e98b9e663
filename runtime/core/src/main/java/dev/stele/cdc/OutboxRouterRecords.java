package dev.stele.cdc;

import dev.stele.SteleException;
import dev.stele.catalog.Catalog;
import dev.stele.catalog.UnknownEventException;
import dev.stele.catalog.UnknownSchemaException;
import dev.stele.cdc.OutboxRecordException.Part;
import dev.stele.cdc.OutboxRecordException.Problem;
import dev.stele.cdc.RouterRecordParts.Payload;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the records Debezium's Outbox Event Router ({@code io.debezium.transforms.outbox.EventRouter})
 * publishes from Stele's {@code stele_outbox} table into typed events, from what a plain Kafka consumer
 * has: key bytes, value bytes and headers.
 *
 * <pre>{@code
 * OutboxRouterRecords outbox = OutboxRouterRecords.of(Catalog.load());
 * for (ConsumerRecord<byte[], byte[]> record : consumer.poll(timeout)) {   // ByteArrayDeserializer for both
 *     Map<String, byte[]> headers = new HashMap<>();
 *     record.headers().forEach(header -> headers.put(header.key(), header.value()));
 *     OutboxEvent event = outbox.read(record.key(), record.value(), headers);
 *     ... event.eventId() to de-duplicate, event.event() the typed latest version ...
 * }
 * }</pre>
 *
 * <h2>The router settings Stele expects</h2>
 *
 * <pre>{@code
 * transforms=outbox
 * transforms.outbox.type=io.debezium.transforms.outbox.EventRouter
 * transforms.outbox.table.fields.additional.placement=type:header:eventType,event_version:header:eventVersion,aggregatetype:header:aggregateType
 * }</pre>
 *
 * ({@link #ROUTER_PLACEMENT}; the {@code aggregatetype} part is optional). Everything else may stay at the
 * router's defaults: columns {@code id, aggregatetype, aggregateid, type, payload} are Stele's; the topic is
 * {@code outbox.event.<aggregatetype>}, the key the {@code aggregateid}, and the router itself puts the event
 * id in header {@code id}. {@code table.expand.json.payload} may be on or off. No column may be placed in the
 * {@code envelope}: the router then wraps the payload in an object, which this reader does not read. Other
 * headers (Debezium 3.6 adds {@code __debezium.context.*}) are ignored.
 *
 * <p>With {@code table.expand.json.payload=true}, Debezium rebuilds the payload from a schema it infers, and by
 * default ({@code table.json.payload.null.behavior} and {@code table.json.payload.empty.array.behavior} both
 * {@code ignore}) drops {@code null} fields and empty arrays and writes every fractional number as a
 * {@code double} ({@code 0.00} comes as {@code 0.0}). Absent optionals, {@code @Default}s and the decimal's
 * scale give most of it back, but a required list that was empty, or a decimal of more than 15 significant
 * digits, is only read back exactly with the payload left as a string (the default). A payload it cannot infer
 * a schema for (an array holding an empty array) it leaves as the JSON string, with a warning; this reader
 * reads either.
 *
 * <h2>Forms read</h2>
 *
 * <ul>
 *   <li>value: the payload as a JSON string holding the event's JSON (the default), or the event's JSON object
 *       itself ({@code table.expand.json.payload=true}, or the payload string written by a
 *       {@code StringConverter}); either bare ({@code schemas.enable=false}) or inside JsonConverter's
 *       {@code {"schema": …, "payload": …}} envelope (see {@link ValueSchemas}); or, not from the router but
 *       from Stele's relay with its Avro value format, the event in Avro single-object encoding (it starts with
 *       {@code C3 01}, which no JSON does), read by {@link Catalog#fromAvro} from the schema its fingerprint
 *       names, and required to be the event the name header names;
 *   <li>key and headers: as JsonConverter writes them (JSON text such as {@code "a-1"} or {@code 2}, with or
 *       without the schema envelope) or as plain UTF-8 text ({@code StringConverter}).
 * </ul>
 *
 * <h2>Guarantees</h2>
 *
 * {@link #read} returns an {@link OutboxEvent} whose event is the latest version's record, decoded from the
 * stored version by {@link Catalog#fromJson(String, int, String)} (an Avro value: by {@link Catalog#fromAvro}) and
 * upcast; or it throws an {@link OutboxRecordException} naming the problem, the part of the record and the
 * event id when readable. It never returns null, never guesses a missing name or version, and raises nothing
 * else for any input bytes.
 * A reader is immutable and safe to share between threads.
 */
public final class OutboxRouterRecords {

    /** The header the router always writes the event id to ({@code headers.add("id", …)}, not configurable). */
    public static final String ID_HEADER = "id";
    /** The default header of the event name ({@code type} column). */
    public static final String DEFAULT_EVENT_NAME_HEADER = "eventType";
    /** The default header of the stored version ({@code event_version} column). */
    public static final String DEFAULT_EVENT_VERSION_HEADER = "eventVersion";
    /** The default header of the stream category ({@code aggregatetype} column); optional. */
    public static final String DEFAULT_AGGREGATE_TYPE_HEADER = "aggregateType";
    /** The router's {@code table.fields.additional.placement} for the default header names. */
    public static final String ROUTER_PLACEMENT = placement(DEFAULT_EVENT_NAME_HEADER, DEFAULT_EVENT_VERSION_HEADER,
            DEFAULT_AGGREGATE_TYPE_HEADER);

    /** Whether the value is inside JsonConverter's schema envelope ({@code value.converter.schemas.enable}). */
    public enum ValueSchemas {
        /**
         * An object with exactly the fields {@code schema} (an object or null) and {@code payload} is read as
         * the envelope. The default: right unless an event's own JSON has exactly those two fields.
         */
        DETECT,
        /** Always the envelope: {@code schemas.enable=true}. */
        PRESENT,
        /** Never the envelope: {@code schemas.enable=false}, or a StringConverter. */
        ABSENT
    }

    /** The first two bytes of Avro single-object encoding. */
    private static final byte[] AVRO_MARKER = {(byte) 0xC3, (byte) 0x01};

    private final Catalog catalog;
    private final String nameHeader;
    private final String versionHeader;
    private final String aggregateTypeHeader;
    private final ValueSchemas valueSchemas;

    private OutboxRouterRecords(Catalog catalog, String nameHeader, String versionHeader, String aggregateTypeHeader,
            ValueSchemas valueSchemas) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.nameHeader = requireName(nameHeader, "nameHeader");
        this.versionHeader = requireName(versionHeader, "versionHeader");
        this.aggregateTypeHeader = requireName(aggregateTypeHeader, "aggregateTypeHeader");
        this.valueSchemas = Objects.requireNonNull(valueSchemas, "valueSchemas");
    }

    private static String requireName(String header, String what) {
        Objects.requireNonNull(header, what);
        if (header.isBlank() || header.equals(ID_HEADER)) {
            throw new IllegalArgumentException(what + " must be a header name other than '" + ID_HEADER + "', not '"
                    + header + "'");
        }
        return header;
    }

    /** A reader with the default header names ({@link #ROUTER_PLACEMENT}) that detects the schema envelope. */
    public static OutboxRouterRecords of(Catalog catalog) {
        return new OutboxRouterRecords(catalog, DEFAULT_EVENT_NAME_HEADER, DEFAULT_EVENT_VERSION_HEADER,
                DEFAULT_AGGREGATE_TYPE_HEADER, ValueSchemas.DETECT);
    }

    /**
     * This reader, taking the event name and stored version from the headers the router's
     * {@code table.fields.additional.placement} names: {@code type:header:<name>,event_version:header:<version>}.
     */
    public OutboxRouterRecords withHeaders(String eventNameHeader, String eventVersionHeader) {
        return new OutboxRouterRecords(catalog, eventNameHeader, eventVersionHeader, aggregateTypeHeader, valueSchemas);
    }

    /** This reader, taking the stream category, when present, from {@code header} ({@code aggregatetype:header:<header>}). */
    public OutboxRouterRecords withAggregateTypeHeader(String header) {
        return new OutboxRouterRecords(catalog, nameHeader, versionHeader, header, valueSchemas);
    }

    /** This reader, reading the value's schema envelope as {@code schemas} says. */
    public OutboxRouterRecords withValueSchemas(ValueSchemas schemas) {
        return new OutboxRouterRecords(catalog, nameHeader, versionHeader, aggregateTypeHeader, schemas);
    }

    /** The {@code table.fields.additional.placement} this reader expects of the router. */
    public String routerPlacement() {
        return placement(nameHeader, versionHeader, aggregateTypeHeader);
    }

    private static String placement(String name, String version, String aggregateType) {
        return "type:header:" + name + ",event_version:header:" + version + ",aggregatetype:header:" + aggregateType;
    }

    /**
     * The event of one record.
     *
     * @param key the record's key bytes (the stream id)
     * @param value the record's value bytes; null for a tombstone
     * @param headers the record's headers, name to value bytes (for a repeated name, the last); null is none
     * @throws OutboxRecordException for any record that is not a readable Stele event, its cause the catalog's
     *     {@link UnknownEventException}, {@link dev.stele.catalog.EventDecodingException} or
     *     {@link dev.stele.catalog.UpcastException} when the payload was the trouble
     */
    public OutboxEvent read(byte[] key, byte[] value, Map<String, byte[]> headers) {
        Map<String, byte[]> present = headers == null ? Map.of() : headers;
        if (value == null) {
            throw new OutboxRecordException(Problem.TOMBSTONE, Part.VALUE, null, eventIdIfReadable(present),
                    "the value is null: a tombstone, which carries no event; skip it (Stele never writes an empty"
                            + " payload, so it comes from elsewhere, such as route.tombstone.on.empty.payload)", null);
        }
        UUID id = eventId(present);
        String name = scalar(present, nameHeader, id, "the event name", "type");
        String versionText = scalar(present, versionHeader, id, "the stored event version", "event_version");
        int version = version(versionText, id);
        Optional<String> aggregateType = Optional.ofNullable(present.get(aggregateTypeHeader))
                .map(bytes -> text(bytes, Part.HEADER, aggregateTypeHeader, id));
        if (key == null) {
            throw new OutboxRecordException(Problem.MALFORMED_KEY, Part.KEY, null, id,
                    "the record has no key; the router keys each record by its aggregateid", null);
        }
        String aggregateId = text(key, Part.KEY, null, id);
        if (aggregateId.isEmpty()) {
            throw new OutboxRecordException(Problem.MALFORMED_KEY, Part.KEY, null, id,
                    "empty or JSON null, but the router keys each record by its aggregateid", null);
        }
        return new OutboxEvent(id, aggregateType, aggregateId, name, version, decode(value, name, version, id));
    }

    /**
     * The event name in {@code headers}, read as {@link #read} reads it but without reading the value: to pass
     * over, unread, the records of events a consumer does not handle. Empty if the header is missing, empty or
     * not text; {@link #read} then says what is wrong.
     *
     * @param headers the record's headers, name to value bytes (for a repeated name, the last); null is none
     */
    public Optional<String> eventName(Map<String, byte[]> headers) {
        byte[] bytes = headers == null ? null : headers.get(nameHeader);
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            String name = text(bytes, Part.HEADER, nameHeader, null);
            return name.isEmpty() ? Optional.empty() : Optional.of(name);
        } catch (OutboxRecordException e) {
            return Optional.empty();
        }
    }

    private static UUID eventIdIfReadable(Map<String, byte[]> headers) {
        byte[] bytes = headers.get(ID_HEADER);
        if (bytes == null) {
            return null;
        }
        String text = RouterRecordParts.jsonScalar(bytes);
        return RouterRecordParts.strictUuid(text != null ? text : new String(bytes, StandardCharsets.UTF_8));
    }

    private UUID eventId(Map<String, byte[]> headers) {
        byte[] bytes = headers.get(ID_HEADER);
        if (bytes == null) {
            throw new OutboxRecordException(Problem.MISSING_HEADER, Part.HEADER, ID_HEADER, null,
                    "no event id: the router writes it to header 'id' from the outbox's id column; is this record from"
                            + " the Outbox Event Router (io.debezium.transforms.outbox.EventRouter), with"
                            + " table.field.event.id left at 'id', and are headers kept (with the embedded engine:"
                            + " DebeziumEngine.create(Json.class, Json.class, Json.class))?", null);
        }
        String text = text(bytes, Part.HEADER, ID_HEADER, null);
        UUID id = RouterRecordParts.strictUuid(text);
        if (id == null) {
            throw new OutboxRecordException(Problem.MALFORMED_HEADER, Part.HEADER, ID_HEADER, null,
                    "'" + abbreviate(text) + "' is not a UUID in its canonical form (8-4-4-4-12 hexadecimal digits)",
                    null);
        }
        return id;
    }

    private String scalar(Map<String, byte[]> headers, String header, UUID id, String what, String column) {
        byte[] bytes = headers.get(header);
        if (bytes == null) {
            throw new OutboxRecordException(Problem.MISSING_HEADER, Part.HEADER, header, id,
                    "no header '" + header + "' with " + what + "; add '" + column + ":header:" + header
                            + "' to the router's table.fields.additional.placement (Stele expects "
                            + routerPlacement() + ")", null);
        }
        String text = text(bytes, Part.HEADER, header, id);
        if (text.isEmpty()) {
            throw new OutboxRecordException(Problem.MALFORMED_HEADER, Part.HEADER, header, id,
                    "empty or JSON null, but it must hold " + what, null);
        }
        return text;
    }

    private int version(String text, UUID id) {
        int version;
        try {
            version = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            version = 0;
        }
        if (version < 1 || text.startsWith("+")) {
            throw new OutboxRecordException(Problem.MALFORMED_HEADER, Part.HEADER, versionHeader, id, "'"
                    + abbreviate(text) + "' is not an event version (an int from 1); the router copies it from the"
                    + " outbox's event_version column", null);
        }
        return version;
    }

    /**
     * The text of a key or header: a JSON string or number (JsonConverter), the same inside the schema
     * envelope, empty for JSON null, or else the bytes as UTF-8 text (StringConverter).
     */
    private static String text(byte[] bytes, Part part, String header, UUID id) {
        String json = RouterRecordParts.jsonScalar(bytes);
        if (json != null) {
            return json;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new OutboxRecordException(part == Part.KEY ? Problem.MALFORMED_KEY : Problem.MALFORMED_HEADER, part,
                    header, id, "neither JSON text nor UTF-8 text (" + bytes.length + " bytes)", null);
        }
    }

    private Object decode(byte[] value, String name, int version, UUID id) {
        if (isAvro(value)) {
            return decodeAvro(value, name, id);
        }
        Payload payload;
        try {
            boolean envelope = switch (valueSchemas) {
                case PRESENT -> true;
                case ABSENT -> false;
                case DETECT -> RouterRecordParts.isSchemaEnvelope(value);
            };
            payload = RouterRecordParts.payload(value, envelope);
        } catch (IOException | RuntimeException e) {
            throw malformedValue(id, "not JSON, or truncated: " + firstLine(e.getMessage()), e);
        }
        if (payload.problem() != null) {
            throw malformedValue(id, payload.problem(), null);
        }
        try {
            return payload.text() != null ? catalog.fromJson(name, version, payload.text())
                    : catalog.fromJson(name, version, payload.bytes());
        } catch (UnknownEventException e) {
            throw new OutboxRecordException(Problem.UNKNOWN_EVENT, Part.VALUE, null, id, e.getMessage()
                    + "; is the module that declares it on the class path of this consumer?", e);
        } catch (SteleException e) {
            throw new OutboxRecordException(Problem.UNDECODABLE_PAYLOAD, Part.VALUE, null, id, e.getMessage(), e);
        }
    }

    /**
     * Whether the value starts with the marker of Avro single-object encoding, {@code C3 01}: no JSON text starts
     * so (it is not even UTF-8), so the two forms cannot be confused.
     */
    private static boolean isAvro(byte[] value) {
        return value.length >= 2 && value[0] == AVRO_MARKER[0] && value[1] == AVRO_MARKER[1];
    }

    /**
     * An Avro single-object encoded value, as Stele's {@code KafkaPublisher} writes it with its Avro value format:
     * the writer's schema is the one of the fingerprint in the value (which names the event and the version the
     * value is written in), found through {@link Catalog#fromAvro}; it must be the event the name header names.
     */
    private Object decodeAvro(byte[] value, String name, UUID id) {
        Object event;
        try {
            event = catalog.fromAvro(value);
        } catch (UnknownSchemaException e) {
            throw new OutboxRecordException(Problem.UNKNOWN_EVENT, Part.VALUE, null, id, "an Avro value whose schema"
                    + " (fingerprint " + Long.toHexString(e.fingerprint()) + ") no event of this consumer's catalog"
                    + " has, in its current schemas or their history; is the module that declares '" + name
                    + "', as new as the publisher's, on the class path of this consumer?", e);
        } catch (SteleException e) {
            throw new OutboxRecordException(Problem.UNDECODABLE_PAYLOAD, Part.VALUE, null, id, e.getMessage(), e);
        }
        String written = catalog.eventType(event.getClass()).name();
        if (!written.equals(name)) {
            throw malformedValue(id, "an Avro value of event '" + written + "', but header '" + nameHeader
                    + "' names '" + name + "'", null);
        }
        return event;
    }

    private static OutboxRecordException malformedValue(UUID id, String reason, Throwable cause) {
        return new OutboxRecordException(Problem.MALFORMED_VALUE, Part.VALUE, null, id, reason, cause);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
