package dev.stele.spi.codec;

import java.io.IOException;

/**
 * Reads one value of a collection, a map or an optional field: a generated record reader such as
 * {@code OrderPlacedCodec::readOrderLine}, or a {@link RecordReader} method such as
 * {@code RecordReader::readString}.
 *
 * @param <T> the value's type
 */
@FunctionalInterface
public interface ValueReader<T> {

    T read(RecordReader in) throws IOException;
}
