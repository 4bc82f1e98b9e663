package dev.stele.store;

import dev.stele.SteleException;

/**
 * A stored event that cannot be read: its name or version is unknown to the catalog, its payload does
 * not decode, or an upcast failed. The cause is the catalog's typed error; this adds where the event
 * is. Readers stop here: an event is never skipped silently.
 */
public class StoredEventException extends SteleException {

    private static final long serialVersionUID = 1L;

    private final long globalPosition;
    private final StreamId stream;
    private final long streamVersion;
    private final String eventName;
    private final int eventVersion;

    public StoredEventException(long globalPosition, StreamId stream, long streamVersion, String eventName,
            int eventVersion, RuntimeException cause) {
        super("cannot read the event at global position " + globalPosition + " (" + stream + " version "
                + streamVersion + ", " + eventName + " v" + eventVersion + "): " + cause.getMessage(), cause);
        this.globalPosition = globalPosition;
        this.stream = stream;
        this.streamVersion = streamVersion;
        this.eventName = eventName;
        this.eventVersion = eventVersion;
    }

    public long globalPosition() {
        return globalPosition;
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
}
