package dev.stele.cdc;

import java.util.Objects;
import java.util.UUID;

/**
 * An event of Stele's events table as a Debezium change event carried it: where it is stored, and the event as
 * the latest version's record.
 *
 * @param storedVersion the version it was stored in, before it was upcast
 * @param event the latest version's record
 */
public record StoredEvent(UUID eventId, long globalPosition, String streamCategory, String streamId,
        long streamVersion, String eventName, int storedVersion, Object event) {

    public StoredEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(streamCategory, "streamCategory");
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(event, "event");
    }
}
