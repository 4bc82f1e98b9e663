package dev.stele.store;

import dev.stele.SteleException;

/**
 * An append of an event whose {@code @StreamId} names another stream than the one it is appended to:
 * nothing is written. An event belongs to the stream it names.
 */
public class StreamMismatchException extends SteleException {

    private static final long serialVersionUID = 1L;

    private final StreamId stream;
    private final int eventIndex;
    private final String eventName;
    private final String eventStreamId;

    public StreamMismatchException(StreamId stream, int eventIndex, String eventName, String eventStreamId) {
        super("event " + (eventIndex + 1) + " of the append to " + stream + " (" + eventName + ") "
                + (eventStreamId == null ? "names no stream id in its @StreamId (it is null)"
                        : "names stream id '" + eventStreamId + "' in its @StreamId")
                + "; an event belongs to the stream it names: append it to " + stream.category() + "-"
                + (eventStreamId == null ? "<its id>" : eventStreamId) + ", or set the id it carries");
        this.stream = stream;
        this.eventIndex = eventIndex;
        this.eventName = eventName;
        this.eventStreamId = eventStreamId;
    }

    /** The stream appended to. */
    public StreamId stream() {
        return stream;
    }

    /** The event's place in the append, from 0. */
    public int eventIndex() {
        return eventIndex;
    }

    public String eventName() {
        return eventName;
    }

    /** The stream id the event's {@code @StreamId} holds; null if it holds none. */
    public String eventStreamId() {
        return eventStreamId;
    }
}
