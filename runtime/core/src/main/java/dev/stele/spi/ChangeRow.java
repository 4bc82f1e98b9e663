package dev.stele.spi;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One row of a change (the new row of an insert, update or snapshot read; the old row of a delete), as the
 * mapping generated for a {@code @FromTable} record reads it: column {@code i} is the {@code i}-th of
 * {@link TableMapping#columns()}. The runtime implements it over Debezium's JSON and over pgoutput's tuples,
 * and converts each representation of a column exactly.
 *
 * <p>Every getter fails with a {@code dev.stele.cdc.ChangeEventException} naming the table, the column and the
 * record's component when the column is null or absent ({@link #isNull} first, for an optional component),
 * holds Debezium's placeholder for an unavailable TOASTed value, or holds a value the component cannot take
 * exactly. A getter never returns null.
 */
public interface ChangeRow {

    /** Whether the column is null or not in the row (a delete's old row holds only the key, by default). */
    boolean isNull(int column);

    boolean getBoolean(int column);

    /** An integer column that fits an {@code int}. */
    int getInt(int column);

    /** An integer column, or a numeric one whose value is a whole number that fits a {@code long}. */
    long getLong(int column);

    float getFloat(int column);

    double getDouble(int column);

    /** A text column of any kind: text, varchar, json, jsonb, an enum type, a time with time zone. */
    String getString(int column);

    /** A {@code timestamptz}. */
    Instant getInstant(int column);

    LocalDate getLocalDate(int column);

    /** A {@code timestamp} (without time zone). */
    LocalDateTime getLocalDateTime(int column);

    /** A numeric, at the scale of the column's {@link MappedColumn#scale()}, within its precision. */
    BigDecimal getDecimal(int column);

    UUID getUuid(int column);

    byte[] getBytes(int column);

    /** The constant of {@code type} named by a text or enum column. */
    <E extends Enum<E>> E getEnum(int column, Class<E> type);

    /**
     * An array column, each element of {@link MappedColumn#elementKind()} as its boxed Java type
     * ({@code Long}, {@code String}, ...). Null elements are an error.
     */
    <T> List<T> getList(int column, Class<T> elementType);
}
