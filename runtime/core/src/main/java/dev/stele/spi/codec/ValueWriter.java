package dev.stele.spi.codec;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * Writes one value of a collection, a map or an optional field: a generated record writer such as
 * {@code OrderPlacedCodec::writeOrderLine}, or a {@link RecordWriter} method such as
 * {@code RecordWriter::writeString}. The constants are the scalar ones, which generated code names rather than
 * a method reference of its own: javac compiles a class without lambdas noticeably faster.
 *
 * @param <T> the value's type
 */
@FunctionalInterface
public interface ValueWriter<T> {

    ValueWriter<Boolean> BOOLEAN = RecordWriter::writeBoolean;
    ValueWriter<Integer> INT = RecordWriter::writeInt;
    ValueWriter<Long> LONG = RecordWriter::writeLong;
    ValueWriter<Float> FLOAT = RecordWriter::writeFloat;
    ValueWriter<Double> DOUBLE = RecordWriter::writeDouble;
    ValueWriter<String> STRING = RecordWriter::writeString;
    ValueWriter<Instant> INSTANT = RecordWriter::writeInstant;
    ValueWriter<LocalDate> LOCAL_DATE = RecordWriter::writeLocalDate;
    ValueWriter<LocalDateTime> LOCAL_DATE_TIME = RecordWriter::writeLocalDateTime;
    ValueWriter<UUID> UUID = RecordWriter::writeUuid;
    ValueWriter<byte[]> BYTES = RecordWriter::writeBytes;

    void write(RecordWriter out, T value) throws IOException;
}
