package dev.stele.store;

import dev.stele.SteleException;
import java.util.List;
import java.util.UUID;

/**
 * An append whose event ids were partly appended before, or appended to another stream, or that holds
 * the same id twice: not a retry of the same append, so nothing is written.
 */
public class DuplicateEventException extends SteleException {

    private static final long serialVersionUID = 1L;

    private final StreamId stream;
    private final List<UUID> duplicates;

    public DuplicateEventException(StreamId stream, List<UUID> duplicates, String why) {
        super("append to " + stream + " repeats event ids " + duplicates + ": " + why);
        this.stream = stream;
        this.duplicates = List.copyOf(duplicates);
    }

    public StreamId stream() {
        return stream;
    }

    /** The ids that exist already, or that the append holds more than once. */
    public List<UUID> duplicates() {
        return duplicates;
    }
}
