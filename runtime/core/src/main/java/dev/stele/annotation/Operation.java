package dev.stele.annotation;

/**
 * A kind of row change in a captured table, as {@link FromTable#operations()} names the ones a record
 * stands for, and as Debezium's {@code op} and pgoutput's messages say them.
 */
public enum Operation {
    /** A row inserted: Debezium's {@code c}, pgoutput's Insert. The record's columns come from the new row. */
    INSERT,
    /** A row updated: Debezium's {@code u}, pgoutput's Update. The record's columns come from the new row. */
    UPDATE,
    /**
     * A row deleted: Debezium's {@code d}, pgoutput's Delete. The record's columns come from the old row, which
     * holds only the key columns unless the table is {@code REPLICA IDENTITY FULL}.
     */
    DELETE,
    /** A row read by an initial snapshot: Debezium's {@code r}. The record's columns come from the row. */
    SNAPSHOT,
    /** The table truncated: Debezium's {@code t}, pgoutput's Truncate. No row: the record has no components. */
    TRUNCATE
}
