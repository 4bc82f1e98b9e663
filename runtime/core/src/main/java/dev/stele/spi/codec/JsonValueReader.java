package dev.stele.spi.codec;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/** Reads one JSON value whose first token is the parser's current token. Generated codecs pass these to the collection helpers. */
@FunctionalInterface
public interface JsonValueReader<T> {

    T read(JsonParser in) throws IOException;
}
