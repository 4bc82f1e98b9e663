package dev.stele.inspect;

import dev.stele.store.StreamId;
import java.util.List;

/** A stream with no event, with the streams whose names come near it. */
public class UnknownStreamException extends InspectionException {

    private static final long serialVersionUID = 1L;

    private final StreamId stream;
    private final List<StreamId> nearMatches;

    public UnknownStreamException(StreamId stream, List<StreamId> nearMatches) {
        super("replay " + stream, "stream " + stream + " has no events"
                + (nearMatches.isEmpty() ? "" : "; streams with similar names: " + nearMatches), null);
        this.stream = stream;
        this.nearMatches = List.copyOf(nearMatches);
    }

    public StreamId stream() {
        return stream;
    }

    /** Streams of the same id in another category, or of the same category with an id a few edits away; at most five. */
    public List<StreamId> nearMatches() {
        return nearMatches;
    }
}
