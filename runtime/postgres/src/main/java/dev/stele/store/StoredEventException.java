package dev.stele.store;

import dev.stele.SteleException;
import java.util.Optional;
import java.util.UUID;

/**
 * A stored event that cannot be read: its name or version is unknown to the catalog, its payload does
 * not decode, its metadata is not of the types the store writes, or an upcast failed. The cause is the
 * catalog's typed error; this adds which event it is and where. Readers stop here: an event is never
 * skipped silently.
 *
 * <p>A batch of {@code $all} ({@link EventStore#readAll(Position, int)}) that reaches such an event
 * raises this rather than return the events before it; they are in {@link #readBefore()}, so none is
 * lost: hand them on, continue from their {@link AllSlice#next()}, and the read raises at this event
 * again until it is dealt with, so none is skipped either.
 */
public class StoredEventException extends SteleException {

    private static final long serialVersionUID = 1L;

    private final long globalPosition;
    private final UUID eventId;
    private final StreamId stream;
    private final long streamVersion;
    private final String eventName;
    private final int eventVersion;
    private final transient AllSlice readBefore;

    /** An event whose id is not known; prefer the constructor that takes it. */
    public StoredEventException(long globalPosition, StreamId stream, long streamVersion, String eventName,
            int eventVersion, RuntimeException cause) {
        this(globalPosition, null, stream, streamVersion, eventName, eventVersion, cause, null);
    }

    /**
     * @param eventId the event's id, or null if unknown
     * @param readBefore for a batch of {@code $all}: the events of the batch before this one and where to
     *     continue; else null
     */
    public StoredEventException(long globalPosition, UUID eventId, StreamId stream, long streamVersion,
            String eventName, int eventVersion, RuntimeException cause, AllSlice readBefore) {
        super("cannot read the event at global position " + globalPosition + " (" + stream + " version "
                + streamVersion + ", " + eventName + " v" + eventVersion
                + (eventId == null ? "" : ", event id " + eventId) + "): " + cause.getMessage(), cause);
        this.globalPosition = globalPosition;
        this.eventId = eventId;
        this.stream = stream;
        this.streamVersion = streamVersion;
        this.eventName = eventName;
        this.eventVersion = eventVersion;
        this.readBefore = readBefore;
    }

    public long globalPosition() {
        return globalPosition;
    }

    /** The event's id ({@code stele_events.event_id}); null only if whoever raised this did not know it. */
    public UUID eventId() {
        return eventId;
    }

    public StreamId stream() {
        return stream;
    }

    public long streamVersion() {
        return streamVersion;
    }

    public String eventName() {
        return eventName;
    }

    public int eventVersion() {
        return eventVersion;
    }

    /**
     * When a batch of {@code $all} ({@link EventStore#readAll(Position, int)}) raised this: the events of
     * the batch before this one, each read, and where to continue ({@link AllSlice#next()}: after the last
     * of them, or where the batch started if there were none). Continuing from there raises at this event
     * again. Empty for other reads, which return nothing when they raise, and after deserialization.
     */
    public Optional<AllSlice> readBefore() {
        return Optional.ofNullable(readBefore);
    }
}
