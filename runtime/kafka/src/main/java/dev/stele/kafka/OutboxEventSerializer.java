package dev.stele.kafka;

import dev.stele.catalog.Catalog;
import dev.stele.catalog.SerializedEvent;
import dev.stele.cdc.OutboxRouterRecords;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The value {@link Serializer} of typed events in the layout of Stele's outbox on Kafka, which
 * {@link OutboxEventDeserializer} reads: the value is the event's JSON as {@link Catalog#toJson} writes it (the
 * form the Outbox Event Router sends with {@code table.expand.json.payload=true} or a {@code StringConverter}),
 * and the headers are set as Kafka Connect's default header converter writes them, as plain UTF-8 text:
 * {@code id} (the event id), the event name and the version of the payload (by default {@code eventType} and
 * {@code eventVersion}, {@link OutboxRouterRecords#ROUTER_PLACEMENT}).
 *
 * <pre>{@code
 * props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);   // the stream id
 * props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, OutboxEventSerializer.class);
 * ProducerRecord<String, Object> record = new ProducerRecord<>("outbox.event.order", orderId, new OrderPaid(...));
 * record.headers().add("id", eventId.toString().getBytes(StandardCharsets.UTF_8));   // optional, see below
 * producer.send(record);
 * }</pre>
 *
 * <p>The topic and key are the producer's to choose; the router's are {@code outbox.event.<category>} and the
 * stream id. The event id is the record's header {@code id} when the application set one (a canonical UUID,
 * plain or as a JSON string): set it to the id the event has elsewhere so consumers can de-duplicate a
 * resend. Without one, the serializer adds a random id. The name and version headers are replaced.
 *
 * <p>An older version's record is written as that version (as {@link Catalog#toJson} labels it), and read back
 * upcast. An event the catalog does not know is the catalog's {@link dev.stele.catalog.UnknownEventException},
 * thrown from {@code KafkaProducer.send}; null, which is no event (the outbox layout has no tombstones), is an
 * {@link IllegalArgumentException}.
 *
 * <p>The Debezium router copies the payload from a {@code jsonb} column, which PostgreSQL re-formats
 * (spaces after {@code :} and {@code ,}, keys reordered): the same JSON value, not the same bytes, and read alike.
 *
 * <p>An instance is immutable once configured and safe to share between threads.
 */
public final class OutboxEventSerializer implements Serializer<Object> {

    private volatile Catalog catalog;
    private volatile String nameHeader;
    private volatile String versionHeader;
    private final boolean preset;

    /** For Kafka to create from the class name; {@link #configure} then sets it up from {@link OutboxConfig}. */
    public OutboxEventSerializer() {
        this.preset = false;
    }

    /** A serializer writing with {@code catalog} and the default header names. */
    public OutboxEventSerializer(Catalog catalog) {
        this(catalog, OutboxRouterRecords.DEFAULT_EVENT_NAME_HEADER, OutboxRouterRecords.DEFAULT_EVENT_VERSION_HEADER);
    }

    /**
     * A serializer writing with {@code catalog}, the event name to {@code nameHeader}, the version to
     * {@code versionHeader}.
     *
     * @throws IllegalArgumentException if a header name is blank or {@code id}
     */
    public OutboxEventSerializer(Catalog catalog, String nameHeader, String versionHeader) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.nameHeader = headerName(nameHeader, "nameHeader");
        this.versionHeader = headerName(versionHeader, "versionHeader");
        this.preset = true;
    }

    private static String headerName(String header, String what) {
        Objects.requireNonNull(header, what);
        if (header.isBlank() || header.equals(OutboxRouterRecords.ID_HEADER)) {
            throw new IllegalArgumentException(what + " must be a header name other than '"
                    + OutboxRouterRecords.ID_HEADER + "', not '" + header + "'");
        }
        return header;
    }

    /**
     * Reads {@link OutboxConfig#CATALOG}, {@link OutboxConfig#EVENT_NAME_HEADER} and
     * {@link OutboxConfig#EVENT_VERSION_HEADER}, unless this serializer was created with a catalog.
     *
     * @throws org.apache.kafka.common.config.ConfigException if {@code isKey}, or a property is not valid
     */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        OutboxConfig.requireValueSide(isKey, OutboxEventSerializer.class, "StringSerializer");
        if (preset) {
            return;
        }
        nameHeader = OutboxConfig.header(configs, OutboxConfig.EVENT_NAME_HEADER,
                OutboxRouterRecords.DEFAULT_EVENT_NAME_HEADER);
        versionHeader = OutboxConfig.header(configs, OutboxConfig.EVENT_VERSION_HEADER,
                OutboxRouterRecords.DEFAULT_EVENT_VERSION_HEADER);
        catalog = OutboxConfig.catalog(configs);
    }

    /**
     * Without headers to write the id, name and version to, the record could not be read back: Kafka calls
     * {@link #serialize(String, Headers, Object)}; this one always throws.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public byte[] serialize(String topic, Object data) {
        throw new UnsupportedOperationException("an outbox record needs headers: call serialize(topic, headers, data)");
    }

    /**
     * The event's JSON; sets the name and version headers, and {@code id} unless it holds a UUID.
     *
     * @throws dev.stele.catalog.UnknownEventException if the catalog does not know the event's class
     * @throws IllegalArgumentException if {@code data} is null, or header {@code id} is there but holds no
     *     canonical UUID
     * @throws IllegalStateException if neither {@link #configure} ran nor a catalog was given
     */
    @Override
    public byte[] serialize(String topic, Headers headers, Object data) {
        Catalog current = catalog;
        if (current == null) {
            throw new IllegalStateException("OutboxEventSerializer is not configured: let Kafka create it from its"
                    + " class name, or create it with a Catalog");
        }
        if (data == null) {
            throw new IllegalArgumentException("null is no event; the outbox layout has no tombstones");
        }
        SerializedEvent json = current.toJson(data);
        if (headers.lastHeader(OutboxRouterRecords.ID_HEADER) == null) {
            headers.add(OutboxRouterRecords.ID_HEADER, utf8(UUID.randomUUID().toString()));
        } else if (OutboxHeaders.eventId(headers).isEmpty()) {
            throw new IllegalArgumentException("header '" + OutboxRouterRecords.ID_HEADER + "' must hold the event id"
                    + " as a UUID in its canonical form (8-4-4-4-12 hexadecimal digits)");
        }
        headers.remove(nameHeader);
        headers.remove(versionHeader);
        headers.add(nameHeader, utf8(json.name()));
        headers.add(versionHeader, utf8(Integer.toString(json.version())));
        return json.payload();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
