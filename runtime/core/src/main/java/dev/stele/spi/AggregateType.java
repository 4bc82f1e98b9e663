package dev.stele.spi;

import dev.stele.spi.codec.RecordReader;
import dev.stele.spi.codec.RecordWriter;
import java.io.IOException;
import java.util.Set;

/**
 * What the processor generates for an {@code @Aggregate} record: its initial state, the dispatch of
 * events to its {@code @Apply} methods (a {@code switch} on the event name), and a JSON codec of the
 * state for snapshots.
 *
 * @param <S> the aggregate's state record
 */
public interface AggregateType<S> {

    /** The stream category of the aggregate's streams. */
    String category();

    Class<S> stateType();

    /** Snapshot every this many events; 0 for never. */
    int snapshotEvery();

    /** The CRC-64-AVRO fingerprint of the state's schema: a snapshot with another one is ignored. */
    long stateFingerprint();

    /** The names of the events the aggregate has an {@code @Apply} for. */
    Set<String> handledEvents();

    /** The state before the first event, from the {@code @Initial} method. */
    S initial(String id);

    /**
     * The next state: {@code state} with {@code event} (the latest version of {@code eventName}) applied,
     * or {@code state} itself for an event the aggregate does not handle.
     */
    S apply(S state, String eventName, Object event);

    /** Writes {@code state} as one record (a JSON object, for snapshots). */
    void writeState(S state, RecordWriter out) throws IOException;

    /** Reads a state written by {@link #writeState}; unknown fields are skipped, missing ones take their default. */
    S readState(RecordReader in) throws IOException;
}
