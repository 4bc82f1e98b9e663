package dev.stele.cdc;

import dev.stele.SteleException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A record on an Outbox Event Router topic that is not a Stele event Stele can read: a tombstone, a header
 * missing or malformed, a key or value that is not what the router writes, an event the catalog does not
 * know, or a payload that does not decode. Names the part of the record (and the header), the event id when
 * it was readable, and what to do.
 *
 * <p>It describes bad data, not a bug, so it carries no stack trace of its own; the catalog's error, when
 * the payload was the trouble, is its cause.
 */
public final class OutboxRecordException extends SteleException {

    private static final long serialVersionUID = 1L;

    /** What was wrong with the record. */
    public enum Problem {
        /** The value is null: a tombstone, which carries no event. */
        TOMBSTONE,
        /** A header Stele needs is not on the record: the router was not configured to place it. */
        MISSING_HEADER,
        /** A header is there but its value is not what the router writes (an id that is no UUID, a version that is no positive int). */
        MALFORMED_HEADER,
        /** The key is missing or not a string. */
        MALFORMED_KEY,
        /** The value is not JSON, is truncated, or is not an event payload (a JSON object, or a string holding one). */
        MALFORMED_VALUE,
        /** The catalog knows no event of this name and version (cause: {@link dev.stele.catalog.UnknownEventException}). */
        UNKNOWN_EVENT,
        /** The payload is not a valid event of its name and version, or its upcast failed (cause: the catalog's error). */
        UNDECODABLE_PAYLOAD
    }

    /** Which part of the Kafka record the problem is in. */
    public enum Part {
        KEY, VALUE, HEADER
    }

    private final Problem problem;
    private final Part part;
    private final String header;
    private final transient UUID eventId;
    private final String reason;

    OutboxRecordException(Problem problem, Part part, String header, UUID eventId, String reason, Throwable cause) {
        super(message(part, header, eventId, reason), cause);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.part = Objects.requireNonNull(part, "part");
        this.header = header;
        this.eventId = eventId;
        this.reason = Objects.requireNonNull(reason, "reason");
        setStackTrace(new StackTraceElement[0]);
    }

    private static String message(Part part, String header, UUID eventId, String reason) {
        String where = switch (part) {
            case KEY -> "key";
            case VALUE -> "value";
            case HEADER -> "header '" + header + "'";
        };
        return "Outbox Event Router record" + (eventId == null ? "" : " of event " + eventId) + ", " + where + ": "
                + reason;
    }

    public Problem problem() {
        return problem;
    }

    public Part part() {
        return part;
    }

    /** The header's name, when the problem is in a header. */
    public Optional<String> header() {
        return Optional.ofNullable(header);
    }

    /** The event id from the record's {@code id} header, when it was readable. */
    public Optional<UUID> eventId() {
        return Optional.ofNullable(eventId);
    }

    /** What was wrong and what to do, without where. */
    public String reason() {
        return reason;
    }
}
