package dev.stele.store;

import dev.stele.SteleException;

/**
 * An append whose expected version did not match the stream: another writer appended first. Reload
 * the stream and decide again.
 */
public class ConcurrencyConflictException extends SteleException {

    private static final long serialVersionUID = 1L;

    private final StreamId stream;
    private final ExpectedVersion expected;
    private final long actual;

    public ConcurrencyConflictException(StreamId stream, ExpectedVersion expected, long actual) {
        super("append to " + stream + " expected version " + expected + " but the stream is at version " + actual);
        this.stream = stream;
        this.expected = expected;
        this.actual = actual;
    }

    public StreamId stream() {
        return stream;
    }

    public ExpectedVersion expected() {
        return expected;
    }

    /** The stream's version when the append was tried; 0 if the stream did not exist. */
    public long actual() {
        return actual;
    }
}
