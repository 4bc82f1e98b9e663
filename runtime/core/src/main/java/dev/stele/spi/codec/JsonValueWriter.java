package dev.stele.spi.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** Writes one value as JSON. Generated codecs pass these to the collection helpers. */
@FunctionalInterface
public interface JsonValueWriter<T> {

    void write(JsonGenerator out, T value) throws IOException;
}
