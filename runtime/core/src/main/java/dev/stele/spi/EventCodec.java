package dev.stele.spi;

import dev.stele.spi.codec.RecordReader;
import dev.stele.spi.codec.RecordWriter;
import java.io.IOException;

/**
 * Reads and writes one event version, in JSON and in Avro binary through the same two methods: the
 * format is the {@link RecordWriter} or {@link RecordReader} the catalog hands it. Implemented by the
 * code the Stele processor generates for each {@code @Event} record; applications use
 * {@link dev.stele.catalog.Catalog} rather than codecs.
 *
 * <p>Contract for implementations: no reflection and no intermediate tree; a value that cannot be
 * written or read raises {@link dev.stele.spi.codec.CodecFailure} (or the underlying
 * {@link IOException}), never returns a partial event.
 *
 * @param <E> the event record type
 */
public interface EventCodec<E> {

    /**
     * Writes {@code event} as one record: a JSON object whose field names are the record's component
     * names, or Avro binary under this version's schema.
     */
    void write(E event, RecordWriter out) throws IOException;

    /**
     * Reads one event. Unknown fields are skipped, missing ones take their default. In Avro, {@code in}
     * reads either data written with this version's schema, or resolves an earlier schema of the same
     * version to it.
     */
    E read(RecordReader in) throws IOException;

    /**
     * The stream {@code event} names in its {@code @StreamId} component, as text (a typed id's value, a
     * UUID's or a number's text), or null if it names none. Only called on types registered
     * {@link EventType#withStreamId() withStreamId()}; the generated codec of a record with a
     * {@code @StreamId} component overrides it.
     */
    default String streamId(E event) {
        return null;
    }
}
