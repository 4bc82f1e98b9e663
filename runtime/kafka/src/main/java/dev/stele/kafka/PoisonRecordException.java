package dev.stele.kafka;

import dev.stele.SteleException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A record a {@link KafkaProjectionRunner} could not apply, on which it stopped the record's partition: its
 * stored offset stays at this record, so nothing after it is applied, and nothing is skipped, until the cause is
 * fixed and the runner started again. Names the projection, the topic, partition and offset, and the event id
 * and name when they were readable.
 */
public final class PoisonRecordException extends SteleException {

    private static final long serialVersionUID = 1L;

    /** Why the record was not applied. */
    public enum Reason {
        /**
         * The record is not a readable Stele event (its cause is the {@link dev.stele.cdc.OutboxRecordException}
         * saying why: bad bytes, a missing header, an unknown event, a tombstone); not retried.
         */
        UNREADABLE,
        /** The projection's handler threw on every attempt; the cause is the last error. */
        HANDLER_FAILED
    }

    private final String projection;
    private final String topic;
    private final int partition;
    private final long offset;
    private final transient UUID eventId;
    private final String eventName;
    private final Reason reason;
    private final int attempts;

    public PoisonRecordException(String projection, String topic, int partition, long offset, UUID eventId,
            String eventName, Reason reason, int attempts, Throwable cause) {
        super(message(projection, topic, partition, offset, eventId, eventName, reason, attempts, cause), cause);
        this.projection = Objects.requireNonNull(projection, "projection");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.partition = partition;
        this.offset = offset;
        this.eventId = eventId;
        this.eventName = eventName;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.attempts = attempts;
    }

    private static String message(String projection, String topic, int partition, long offset, UUID eventId,
            String eventName, Reason reason, int attempts, Throwable cause) {
        String what = reason == Reason.UNREADABLE ? "cannot be read"
                : "failed in its handler " + attempts + " time" + (attempts == 1 ? "" : "s");
        return "projection " + projection + " stopped partition " + topic + "-" + partition + " at offset " + offset
                + ": the record (event " + (eventId == null ? "id unreadable" : eventId.toString())
                + (eventName == null ? ", name unreadable" : ", " + eventName) + ") " + what + ": "
                + (cause == null ? "unknown error" : cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    public String projection() {
        return projection;
    }

    public String topic() {
        return topic;
    }

    public int partition() {
        return partition;
    }

    /** The record's offset: the partition's stored offset stays here. */
    public long offset() {
        return offset;
    }

    /** The event id from the record's {@code id} header, when readable. */
    public Optional<UUID> eventId() {
        return Optional.ofNullable(eventId);
    }

    /** The event name from the record's name header, when readable. */
    public Optional<String> eventName() {
        return Optional.ofNullable(eventName);
    }

    public Reason reason() {
        return reason;
    }

    /** How many times the handler was called: 0 for a record that could not be read. */
    public int attempts() {
        return attempts;
    }
}
