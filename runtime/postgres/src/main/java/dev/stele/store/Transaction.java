package dev.stele.store;

import java.sql.Connection;
import java.util.List;

/** An open transaction of {@link EventStore#inTransaction}. */
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
}
