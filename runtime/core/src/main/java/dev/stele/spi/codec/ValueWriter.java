package dev.stele.spi.codec;

import java.io.IOException;

/**
 * Writes one value of a collection, a map or an optional field: a generated record writer such as
 * {@code OrderPlacedCodec::writeOrderLine}, or a {@link RecordWriter} method such as
 * {@code RecordWriter::writeString}.
 *
 * @param <T> the value's type
 */
@FunctionalInterface
public interface ValueWriter<T> {

    void write(RecordWriter out, T value) throws IOException;
}
