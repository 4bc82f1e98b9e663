package dev.stele.store;

import dev.stele.SteleException;

/**
 * An append whose expected version did not match the stream: another writer appended first. Reload
 * the stream and decide again. Also raised, with {@link #olderTransaction()}, when the version holds but
 * the appending transaction is older than the stream's last writer: {@code $all} orders events by
 * transaction, so the append must come from a newer one. The store retries its own transactions;
 * an append joined to a caller's transaction that wrote before raises it for the caller to retry.
 */
public class ConcurrencyConflictException extends SteleException {

    private static final long serialVersionUID = 1L;

    private final StreamId stream;
    private final ExpectedVersion expected;
    private final long actual;

    private final boolean olderTransaction;

    public ConcurrencyConflictException(StreamId stream, ExpectedVersion expected, long actual) {
        this("append to " + stream + " expected " + expected.described() + " but the stream is at version "
                + actual, stream, expected, actual, false);
    }

    private ConcurrencyConflictException(String message, StreamId stream, ExpectedVersion expected, long actual,
            boolean olderTransaction) {
        super(message);
        this.stream = stream;
        this.expected = expected;
        this.actual = actual;
        this.olderTransaction = olderTransaction;
    }

    /**
     * The append's transaction is older than the one that last appended to the stream: committing it
     * would put its events before theirs in {@code $all}. Retry in a new transaction.
     */
    public static ConcurrencyConflictException olderTransaction(StreamId stream, ExpectedVersion expected,
            long actual) {
        return new ConcurrencyConflictException("append to " + stream + " (at version " + actual + ") comes from a"
                + " transaction older than the one that appended last; retry it in a new transaction, so that $all"
                + " keeps the stream's events in order", stream, expected, actual, true);
    }

    public StreamId stream() {
        return stream;
    }

    /** The expected version as the append gave it: {@code noStream()} and {@code exactly(0)} stay apart. */
    public ExpectedVersion expected() {
        return expected;
    }

    /**
     * Whether the version held but the append's transaction began before the stream's last writer: a
     * retry in a new transaction succeeds.
     */
    public boolean olderTransaction() {
        return olderTransaction;
    }

    /** The stream's version when the append was tried; 0 if the stream did not exist. */
    public long actual() {
        return actual;
    }
}
