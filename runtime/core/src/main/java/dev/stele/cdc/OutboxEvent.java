package dev.stele.cdc;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One event of Stele's outbox as Debezium's Outbox Event Router published it, decoded by
 * {@link OutboxRouterRecords}.
 *
 * @param eventId the event's id, from the router's {@code id} header: the same id the store gave the event,
 *     so a consumer can de-duplicate on it
 * @param aggregateType the stream's category, when the router placed {@code aggregatetype} in a header
 *     (it is also the end of the topic name, {@code outbox.event.<aggregatetype>} by default)
 * @param aggregateId the stream's id, the record's key
 * @param eventName the event's name
 * @param storedVersion the version the event was stored in; {@link #event()} is the latest version
 * @param event the event as the latest version's record, upcast from {@code storedVersion} if older
 */
public record OutboxEvent(UUID eventId, Optional<String> aggregateType, String aggregateId, String eventName,
        int storedVersion, Object event) {

    public OutboxEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(event, "event");
    }
}
