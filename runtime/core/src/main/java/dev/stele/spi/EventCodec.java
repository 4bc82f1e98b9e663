package dev.stele.spi;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.Encoder;

/**
 * Reads and writes one event version in JSON and Avro binary. Implemented by the code the Stele
 * processor generates for each {@code @Event} record; applications use {@link
 * dev.stele.catalog.Catalog} rather than codecs.
 *
 * <p>Contract for implementations: no reflection and no intermediate tree; a value that cannot be
 * written or read raises {@link dev.stele.spi.codec.CodecFailure} (or the underlying
 * {@link IOException}), never returns a partial event.
 *
 * @param <E> the event record type
 */
public interface EventCodec<E> {

    /** Writes {@code event} as one JSON object whose field names are the record's component names. */
    void writeJson(E event, JsonGenerator out) throws IOException;

    /**
     * Reads one event from {@code in}, whose current token is the event object's
     * {@code START_OBJECT}; returns with the matching {@code END_OBJECT} as current token. Unknown
     * fields are skipped, missing ones take their default.
     */
    E readJson(JsonParser in) throws IOException;

    /** Writes {@code event} in Avro binary under this version's schema. */
    void writeAvro(E event, Encoder out) throws IOException;

    /**
     * Reads one event in Avro binary. {@code in} is either a plain decoder over data written with
     * this version's schema, or a {@link org.apache.avro.io.ResolvingDecoder} that resolves an
     * earlier schema of the same version to it.
     */
    E readAvro(Decoder in) throws IOException;
}
