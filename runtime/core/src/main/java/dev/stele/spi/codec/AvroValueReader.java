package dev.stele.spi.codec;

import org.apache.avro.io.Decoder;
import java.io.IOException;

/** Reads one Avro value. Generated codecs pass these to the collection helpers. */
@FunctionalInterface
public interface AvroValueReader<T> {

    T read(Decoder in) throws IOException;
}
