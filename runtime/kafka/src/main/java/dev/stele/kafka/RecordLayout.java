package dev.stele.kafka;

import dev.stele.catalog.Catalog;
import dev.stele.cdc.OutboxRouterRecords;
import dev.stele.kafka.KafkaPublisher.ValueFormat;
import dev.stele.relay.OutboxRecord;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The Kafka record of an outbox record: topic, key, value and headers, as {@link KafkaPublisher} sends it. Pure
 * and immutable (the topic function and header hook are the user's).
 */
final class RecordLayout {

    private final Function<? super OutboxRecord, String> topic;
    private final ValueFormat format;
    private final Catalog catalog;
    private final String nameHeader;
    private final String versionHeader;
    private final String aggregateTypeHeader;
    private final BiConsumer<? super OutboxRecord, ? super Headers> extraHeaders;
    private final Set<String> reserved;

    RecordLayout(Function<? super OutboxRecord, String> topic, ValueFormat format, Catalog catalog,
            String nameHeader, String versionHeader, String aggregateTypeHeader,
            BiConsumer<? super OutboxRecord, ? super Headers> extraHeaders) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.format = Objects.requireNonNull(format, "format");
        this.catalog = format == ValueFormat.AVRO ? Objects.requireNonNull(catalog, "catalog") : catalog;
        this.nameHeader = nameHeader;
        this.versionHeader = versionHeader;
        this.aggregateTypeHeader = aggregateTypeHeader;
        this.extraHeaders = extraHeaders;
        this.reserved = Set.of(OutboxRouterRecords.ID_HEADER, nameHeader, versionHeader, aggregateTypeHeader,
                KafkaPublisher.CORRELATION_ID_HEADER, KafkaPublisher.CAUSATION_ID_HEADER);
    }

    /** The router's default topic: {@code outbox.event.<aggregateType>}. */
    static String defaultTopic(OutboxRecord record) {
        return "outbox.event." + record.aggregateType();
    }

    /** The topic of {@code record}, from the topic function. */
    String topic(OutboxRecord record) {
        String name = topic.apply(record);
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("the topic function gave no topic ('" + name + "')");
        }
        return name;
    }

    /**
     * The Kafka record: to {@code topic} (see {@link #topic}), no partition (the key chooses it), no timestamp
     * (the producer's), the key the stream id in UTF-8, the value in the format, and the headers.
     *
     * @throws dev.stele.SteleException from the catalog, for the Avro format, if the payload does not decode
     * @throws IllegalStateException if the header hook adds a header the publisher writes
     */
    ProducerRecord<byte[], byte[]> toProducerRecord(OutboxRecord record, String topic) {
        byte[] value;
        int version;
        if (format == ValueFormat.JSON) {
            value = utf8(record.payload());
            version = record.eventVersion();
        } else {
            Object event = catalog.fromJson(record.type(), record.eventVersion(), record.payload());
            value = catalog.toAvro(event);
            version = catalog.eventType(event.getClass()).version();
        }
        Headers headers = new RecordHeaders();
        headers.add(OutboxRouterRecords.ID_HEADER, utf8(record.id().toString()));
        headers.add(nameHeader, utf8(record.type()));
        headers.add(versionHeader, utf8(Integer.toString(version)));
        headers.add(aggregateTypeHeader, utf8(record.aggregateType()));
        if (record.correlationId() != null) {
            headers.add(KafkaPublisher.CORRELATION_ID_HEADER, utf8(record.correlationId()));
        }
        if (record.causationId() != null) {
            headers.add(KafkaPublisher.CAUSATION_ID_HEADER, utf8(record.causationId()));
        }
        if (extraHeaders != null) {
            Headers extra = new RecordHeaders();
            extraHeaders.accept(record, extra);
            for (Header header : extra) {
                if (reserved.contains(header.key())) {
                    throw new IllegalStateException("the header hook added header '" + header.key() + "', which the"
                            + " publisher writes itself");
                }
                headers.add(header);
            }
        }
        return new ProducerRecord<>(topic, null, null, utf8(record.aggregateId()), value, headers);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
