package dev.stele.spi;

/**
 * What a component of a {@code @FromTable} record takes from its column, as the generated mapping declares
 * it: the runtime checks a table's columns against it and picks the conversion of each representation.
 */
public enum ColumnKind {
    BOOLEAN,
    /** {@code int} or {@code Integer}. */
    INT,
    LONG,
    FLOAT,
    DOUBLE,
    /** Text of any kind: {@code text}, {@code varchar}, {@code json}, {@code jsonb}, an enum type, ... */
    STRING,
    INSTANT,
    LOCAL_DATE,
    LOCAL_DATE_TIME,
    DECIMAL,
    UUID,
    BYTES,
    /** A Java enum, read from the constant's name (a PostgreSQL enum or text column). */
    ENUM,
    /** A {@code List} read from an array column; {@link MappedColumn#elementKind()} says of what. */
    LIST
}
