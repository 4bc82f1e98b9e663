package dev.stele.kafka.internal;

import dev.stele.cdc.OutboxEvent;
import dev.stele.kafka.KafkaPublisher;
import dev.stele.projection.EventContext;
import dev.stele.projection.Lsn;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The {@link EventContext} of an outbox record from Kafka. The router's layout carries the event id, name,
 * stored version, stream id (the key) and, when placed in a header, the stream category; the relay's
 * {@code KafkaPublisher} adds the correlation and causation ids in headers. Not the store's global position,
 * the stream version or the other metadata headers: those are 0 and empty, as for a {@code @FromTable} change.
 */
final class RecordContext implements EventContext {

    private final ConsumerRecord<byte[], byte[]> record;
    private final OutboxEvent event;
    private final Connection connection;

    RecordContext(ConsumerRecord<byte[], byte[]> record, OutboxEvent event, Connection connection) {
        this.record = record;
        this.event = event;
        this.connection = connection;
    }

    @Override
    public long globalPosition() {
        return 0;
    }

    /** The {@code aggregateType} header when the router placed it, else the topic. */
    @Override
    public String streamCategory() {
        return event.aggregateType().orElse(record.topic());
    }

    @Override
    public String streamId() {
        return event.aggregateId();
    }

    @Override
    public long streamVersion() {
        return 0;
    }

    @Override
    public UUID eventId() {
        return event.eventId();
    }

    @Override
    public String eventName() {
        return event.eventName();
    }

    @Override
    public int storedVersion() {
        return event.storedVersion();
    }

    @Override
    public Optional<String> correlationId() {
        return header(KafkaPublisher.CORRELATION_ID_HEADER);
    }

    @Override
    public Optional<String> causationId() {
        return header(KafkaPublisher.CAUSATION_ID_HEADER);
    }

    private Optional<String> header(String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    @Override
    public Map<String, String> headers() {
        return Map.of();
    }

    @Override
    public Lsn commitLsn() {
        return Lsn.NONE;
    }

    /** The record's timestamp (the producer's create time, or the broker's log-append time). */
    @Override
    public Instant commitTime() {
        return Instant.ofEpochMilli(record.timestamp());
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public String toString() {
        return event.eventName() + " v" + event.storedVersion() + " (event " + event.eventId() + ") at "
                + record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
