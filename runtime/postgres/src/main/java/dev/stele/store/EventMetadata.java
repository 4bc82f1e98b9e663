package dev.stele.store;

import java.util.Map;
import java.util.Objects;

/**
 * What travels with an event besides its payload: the ids that tie it to the request or message that
 * caused it, and free-form string headers.
 *
 * @param correlationId the id shared by everything one request caused, or null
 * @param causationId the id of the message or event that caused this one, or null
 */
public record EventMetadata(String correlationId, String causationId, Map<String, String> headers) {

    private static final EventMetadata EMPTY = new EventMetadata(null, null, Map.of());

    public EventMetadata {
        headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
    }

    public static EventMetadata empty() {
        return EMPTY;
    }

    public EventMetadata withCorrelationId(String id) {
        return new EventMetadata(id, causationId, headers);
    }

    public EventMetadata withCausationId(String id) {
        return new EventMetadata(correlationId, id, headers);
    }

    public EventMetadata withHeader(String name, String value) {
        Map<String, String> more = new java.util.HashMap<>(headers);
        more.put(name, value);
        return new EventMetadata(correlationId, causationId, more);
    }

    public boolean isEmpty() {
        return correlationId == null && causationId == null && headers.isEmpty();
    }
}
