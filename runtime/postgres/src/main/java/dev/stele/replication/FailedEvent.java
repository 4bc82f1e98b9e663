package dev.stele.replication;

import java.time.Instant;
import java.util.UUID;

/**
 * An event a projection could not apply: a poison event it stopped on, or a parked one.
 *
 * @param error the last error's class and message
 * @param attempts how many times it was tried
 */
public record FailedEvent(String projection, long globalPosition, String streamCategory, String streamId,
        long streamVersion, UUID eventId, String eventName, int eventVersion, String error, int attempts,
        Instant failedAt) {

    @Override
    public String toString() {
        return eventName + " v" + eventVersion + " at position " + globalPosition + " (stream " + streamCategory + "-"
                + streamId + " version " + streamVersion + ", event " + eventId + "): " + error + " after " + attempts
                + " attempt" + (attempts == 1 ? "" : "s");
    }
}
