package dev.stele.inspect;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One event of a {@link Replay}: decoded and upcast to the latest version of its name through the catalog.
 *
 * @param streamVersion its version in the stream, from 1
 * @param storedVersion the event version it is stored as; {@code latestVersion} when it needed no upcast
 * @param latestVersion the version of {@code event}, the latest of the name
 * @param event the latest version's record
 * @param eventJson {@code event} as the catalog writes it (JSON, the latest version)
 * @param correlationId the metadata's correlation id, or null
 * @param causationId the metadata's causation id, or null
 * @param state the aggregate's state after the event, when the stream's category is an {@code @Aggregate}
 * @param stateJson {@code state} as the aggregate's snapshot codec writes it (JSON)
 */
public record ReplayedEvent(long streamVersion, String eventName, int storedVersion, int latestVersion,
        Instant recordedAt, UUID eventId, long globalPosition, String correlationId, String causationId,
        Object event, String eventJson, Optional<Object> state, Optional<String> stateJson) {

    /** Whether it was stored as an older version and upcast. */
    public boolean upcast() {
        return storedVersion != latestVersion;
    }

    @Override
    public String toString() {
        return "v" + streamVersion + " " + eventName + " (stored v" + storedVersion
                + (upcast() ? ", upcast to v" + latestVersion : "") + ") at " + recordedAt + ": " + event
                + state.map(s -> " -> " + s).orElse("");
    }
}
