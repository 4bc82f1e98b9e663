package dev.stele.store;

import java.sql.Connection;
import java.util.List;

/**
 * An open transaction of {@link EventStore#inTransaction}. The store implements it; it is not meant to
 * be implemented elsewhere, and may gain methods.
 *
 * <p>Reads go through the transaction's connection, so they see its own appends and, as PostgreSQL's
 * {@code READ COMMITTED} has it, what other transactions committed before each statement. Reading
 * locks nothing: to read then append, append with the version read as expected version
 * ({@code ExpectedVersion.exactly(tx.version(stream))}), and a writer that got there first makes the
 * append a {@link ConcurrencyConflictException}.
 */
public interface Transaction {

    /** The transaction's connection, for the caller's own statements; do not commit or close it. */
    Connection connection();

    /** Appends within this transaction: it commits with the rest, or not at all. */
    AppendResult append(StreamId stream, ExpectedVersion expected, List<?> events);

    /**
     * Appends within this transaction to the stream the events name in their {@code @StreamId}, in
     * {@code category} (see {@link EventStore#append(String, ExpectedVersion, List)}).
     */
    AppendResult append(String category, ExpectedVersion expected, List<?> events);

    /** The stream's version as this transaction sees it, its own appends included; 0 if it has no event. */
    long version(StreamId stream);

    /**
     * Up to {@code max} events of {@code stream} from version {@code from} on, in version order, as this
     * transaction sees them (see {@link EventStore#readStream}).
     */
    List<RecordedEvent> readStream(StreamId stream, long from, int max);

    /**
     * Up to {@code max} events of {@code stream} from version {@code from} back, newest first, as this
     * transaction sees them.
     */
    List<RecordedEvent> readStreamBackwards(StreamId stream, long from, int max);
}
