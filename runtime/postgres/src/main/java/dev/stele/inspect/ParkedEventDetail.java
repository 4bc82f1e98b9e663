package dev.stele.inspect;

import dev.stele.replication.FailedEvent;
import java.util.Optional;

/**
 * One parked event with its stored payload and, when the catalog reads it, the decoded event.
 *
 * @param payloadJson the payload as stored in the events table; empty for a change of a {@code @FromTable} table,
 *     which is not in it, or an event no longer there
 * @param event the payload decoded and upcast to the latest version, when the catalog can
 * @param decodeError why it could not be decoded, when it could not
 */
public record ParkedEventDetail(FailedEvent parked, Optional<String> payloadJson, Optional<Object> event,
        Optional<String> decodeError) {

    @Override
    public String toString() {
        return "parked " + parked + payloadJson.map(p -> "\n  payload " + p).orElse("\n  no stored payload")
                + event.map(e -> "\n  decoded " + e).orElse("") + decodeError.map(e -> "\n  not decoded: " + e)
                .orElse("");
    }
}
