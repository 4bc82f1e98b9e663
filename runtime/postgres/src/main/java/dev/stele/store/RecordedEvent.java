package dev.stele.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored event, decoded and upcast to the latest version of its name.
 *
 * @param streamVersion the event's version in its stream, from 1
 * @param eventName the name it was stored under
 * @param storedVersion the event version it was stored as (the {@code event} is the latest)
 * @param event the latest version's record
 */
public record RecordedEvent(Position position, StreamId stream, long streamVersion, UUID eventId, String eventName,
        int storedVersion, Object event, EventMetadata metadata, Instant recordedAt) {
}
