package dev.stele.kafka;

import dev.stele.cdc.OutboxEvent;
import dev.stele.cdc.OutboxRecordException;
import dev.stele.cdc.OutboxRouterRecords;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The value {@link Deserializer} of Stele's outbox records on Kafka: those of Debezium's Outbox Event Router
 * ({@code io.debezium.transforms.outbox.EventRouter}) from the {@code stele_outbox} table, and those of
 * {@link OutboxEventSerializer} (and of Stele's relay, which writes the same layout). Each value becomes the
 * typed event, as the latest version's record, decoded from the version in its header and upcast through the
 * catalog; it reads every form {@link OutboxRouterRecords} reads (the payload as a JSON string or expanded,
 * with or without the converter's schema envelope; headers as the JSON or the string converter writes them).
 *
 * <pre>{@code
 * props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);     // the stream id
 * props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, OutboxEventDeserializer.class);
 * try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(props)) {
 *     consumer.subscribe(List.of("outbox.event.order"));
 *     for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofSeconds(1))) {
 *         UUID id = OutboxHeaders.eventId(record.headers()).orElseThrow();   // de-duplicate: at least once
 *         if (record.value() instanceof OrderPaid paid) {
 *             ...
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Created by Kafka from its class name, it is set up by {@link #configure} from the {@link OutboxConfig}
 * properties: the catalog ({@link dev.stele.catalog.Catalog#load()} by default) and the header names the
 * router's {@code table.fields.additional.placement} uses ({@link OutboxRouterRecords#ROUTER_PLACEMENT} by
 * default). Created with {@link #OutboxEventDeserializer(OutboxRouterRecords)} and handed to the consumer, it is
 * already set up, and {@code configure} changes nothing.
 *
 * <p>The deserializer returns the event alone, not an {@link OutboxEvent}: Kafka hands a value deserializer no
 * key, so the stream id is the record's key (a {@code StringDeserializer} reads it from either converter's
 * plain form), the event id is in its headers ({@link OutboxHeaders#eventId}).
 *
 * <h2>What cannot be read</h2>
 *
 * A record that is not a readable Stele event — a tombstone, a header missing or malformed, a value that is not
 * an event payload, an event the catalog does not know, a payload that does not decode or upcast — is an
 * {@link OutboxRecordException} naming the problem, the part of the record and the event id when readable. It
 * never returns null. The {@code KafkaConsumer} wraps the exception in a
 * {@link org.apache.kafka.common.errors.RecordDeserializationException} (its cause is the
 * {@code OutboxRecordException}; it gives the partition and offset) and throws it from {@code poll}; the
 * consumer's position stays on that record, so every later {@code poll} throws it again until the application
 * decides: stop, or park the record somewhere and {@code seek} to the offset after it. Nothing is skipped
 * silently. (Kafka Streams hands it to its {@code DeserializationExceptionHandler}, which by default fails.)
 *
 * <p>An instance is immutable once configured and safe to share between threads.
 */
public final class OutboxEventDeserializer implements Deserializer<Object> {

    /**
     * A stand-in for the key, which a value deserializer is not given: {@link OutboxRouterRecords#read} checks
     * it is there; the aggregate id it would become is dropped.
     */
    private static final byte[] NO_KEY = "(key not given to a value deserializer)".getBytes(StandardCharsets.UTF_8);

    private volatile OutboxRouterRecords reader;
    private final boolean preset;

    /** For Kafka to create from the class name; {@link #configure} then sets it up. */
    public OutboxEventDeserializer() {
        this.preset = false;
    }

    /** A deserializer reading with {@code reader}: its catalog, header names and schema-envelope setting. */
    public OutboxEventDeserializer(OutboxRouterRecords reader) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.preset = true;
    }

    /**
     * Reads the {@link OutboxConfig} properties, unless this deserializer was created with a reader.
     *
     * @throws org.apache.kafka.common.config.ConfigException if {@code isKey}, or a property is not valid
     */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        OutboxConfig.requireValueSide(isKey, OutboxEventDeserializer.class, "StringDeserializer");
        if (preset) {
            return;
        }
        reader = OutboxRouterRecords.of(OutboxConfig.catalog(configs))
                .withHeaders(OutboxConfig.header(configs, OutboxConfig.EVENT_NAME_HEADER,
                                OutboxRouterRecords.DEFAULT_EVENT_NAME_HEADER),
                        OutboxConfig.header(configs, OutboxConfig.EVENT_VERSION_HEADER,
                                OutboxRouterRecords.DEFAULT_EVENT_VERSION_HEADER))
                .withAggregateTypeHeader(OutboxConfig.header(configs, OutboxConfig.AGGREGATE_TYPE_HEADER,
                        OutboxRouterRecords.DEFAULT_AGGREGATE_TYPE_HEADER))
                .withValueSchemas(OutboxConfig.valueSchemas(configs));
    }

    /**
     * Without headers there is no event id, name or version: always an {@link OutboxRecordException}. Kafka
     * calls {@link #deserialize(String, Headers, byte[])}.
     */
    @Override
    public Object deserialize(String topic, byte[] data) {
        return deserialize(topic, new RecordHeaders(), data);
    }

    /**
     * The typed event of one record's value, the latest version's record.
     *
     * @throws OutboxRecordException for a value or headers that are not a readable Stele event (never null)
     * @throws IllegalStateException if neither {@link #configure} ran nor a reader was given
     */
    @Override
    public Object deserialize(String topic, Headers headers, byte[] data) {
        OutboxRouterRecords current = reader;
        if (current == null) {
            throw new IllegalStateException("OutboxEventDeserializer is not configured: let Kafka create it from"
                    + " its class name, or create it with an OutboxRouterRecords");
        }
        Map<String, byte[]> byName = new HashMap<>();
        for (Header header : headers) {
            byName.put(header.key(), header.value());
        }
        return current.read(NO_KEY, data, byName).event();
    }
}
