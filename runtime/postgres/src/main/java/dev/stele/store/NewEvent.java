package dev.stele.store;

import java.util.Objects;
import java.util.UUID;

/**
 * An event to append, with its id and metadata. The id makes an append idempotent: appending the same
 * ids again (a retry after a timeout) returns the original positions and writes nothing.
 *
 * @param event an {@code @Event} record known to the catalog
 */
public record NewEvent(UUID eventId, Object event, EventMetadata metadata) {

    public NewEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(metadata, "metadata");
    }

    /** {@code event} with a new random id and no metadata. */
    public static NewEvent of(Object event) {
        return new NewEvent(UUID.randomUUID(), event, EventMetadata.empty());
    }

    public static NewEvent of(Object event, EventMetadata metadata) {
        return new NewEvent(UUID.randomUUID(), event, metadata);
    }
}
