package dev.stele.spi.codec;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * Reads one value of a collection, a map or an optional field: a generated record reader such as
 * {@code OrderPlacedCodec::readOrderLine}, or a {@link RecordReader} method such as
 * {@code RecordReader::readString}. The constants are the scalar ones, which generated code names rather than
 * a method reference of its own: javac compiles a class without lambdas noticeably faster.
 *
 * @param <T> the value's type
 */
@FunctionalInterface
public interface ValueReader<T> {

    ValueReader<Boolean> BOOLEAN = RecordReader::readBoolean;
    ValueReader<Integer> INT = RecordReader::readInt;
    ValueReader<Long> LONG = RecordReader::readLong;
    ValueReader<Float> FLOAT = RecordReader::readFloat;
    ValueReader<Double> DOUBLE = RecordReader::readDouble;
    ValueReader<String> STRING = RecordReader::readString;
    ValueReader<Instant> INSTANT = RecordReader::readInstant;
    ValueReader<LocalDate> LOCAL_DATE = RecordReader::readLocalDate;
    ValueReader<LocalDateTime> LOCAL_DATE_TIME = RecordReader::readLocalDateTime;
    ValueReader<UUID> UUID = RecordReader::readUuid;
    ValueReader<byte[]> BYTES = RecordReader::readBytes;

    T read(RecordReader in) throws IOException;
}
