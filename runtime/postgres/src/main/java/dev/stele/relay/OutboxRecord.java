package dev.stele.relay;

import dev.stele.projection.Lsn;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One appended event as the relay reads it from the outbox, in the columns of Debezium's Outbox Event Router
 * ({@code id, aggregatetype, aggregateid, type, payload}) and the rest of what the store wrote with it.
 *
 * @param id the event id: Kafka header {@code id}, the key consumers de-duplicate on
 * @param aggregateType the stream category: the topic is {@code outbox.event.<aggregateType>} by default
 * @param aggregateId the stream id: the record's key, so a stream's events keep their order
 * @param type the event name
 * @param eventVersion the version of the event the payload is written in (readers upcast it)
 * @param payload the event's JSON as PostgreSQL's {@code jsonb} prints it, as the router sends it
 * @param recordedAt when the event was appended
 * @param correlationId the correlation id of the event's metadata, or null
 * @param causationId the causation id of the event's metadata, or null
 * @param commitLsn the commit LSN of the transaction that appended it
 */
public record OutboxRecord(UUID id, String aggregateType, String aggregateId, String type, int eventVersion,
        String payload, Instant recordedAt, String correlationId, String causationId, Lsn commitLsn) {

    public OutboxRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(commitLsn, "commitLsn");
    }
}
