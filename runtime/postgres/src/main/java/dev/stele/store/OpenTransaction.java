package dev.stele.store;

import java.sql.Connection;
import java.util.List;

/** The {@link Transaction} that {@link EventStore#inTransaction} hands its work: everything on one connection. */
final class OpenTransaction implements Transaction {

    private final EventStore store;
    private final Connection connection;

    OpenTransaction(EventStore store, Connection connection) {
        this.store = store;
        this.connection = connection;
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public AppendResult append(StreamId stream, ExpectedVersion expected, List<?> events) {
        return store.append(connection, stream, expected, events);
    }

    @Override
    public AppendResult append(String category, ExpectedVersion expected, List<?> events) {
        return store.append(connection, store.streamOf(category, events), expected, events);
    }

    @Override
    public long version(StreamId stream) {
        return store.version(connection, stream);
    }

    @Override
    public List<RecordedEvent> readStream(StreamId stream, long from, int max) {
        return store.readStream(connection, stream, from, max, true);
    }

    @Override
    public List<RecordedEvent> readStreamBackwards(StreamId stream, long from, int max) {
        return store.readStream(connection, stream, from, max, false);
    }
}
