package dev.stele.spi.codec;

import org.apache.avro.io.Encoder;
import java.io.IOException;

/** Writes one value in Avro binary. Generated codecs pass these to the collection helpers. */
@FunctionalInterface
public interface AvroValueWriter<T> {

    void write(Encoder out, T value) throws IOException;
}
