package dev.stele.cdc;

import java.util.Optional;

/**
 * The unit of an int64 timestamp in a Debezium change event. Which one a {@code timestamp} column gets
 * depends on {@code time.precision.mode} and the column's precision:
 *
 * <table>
 *   <caption>PostgreSQL {@code timestamp} in Debezium's JSON</caption>
 *   <tr><th>time.precision.mode</th><th>timestamp(0..3)</th><th>timestamp, timestamp(4..6)</th></tr>
 *   <tr><td>adaptive (default), adaptive_time_microseconds</td><td>{@link #MILLIS} ({@value DebeziumSchemaNames#TIMESTAMP})</td>
 *       <td>{@link #MICROS} ({@value DebeziumSchemaNames#MICRO_TIMESTAMP})</td></tr>
 *   <tr><td>connect</td><td colspan="2">{@link #MILLIS} ({@value DebeziumSchemaNames#CONNECT_TIMESTAMP}):
 *       Debezium drops the microseconds</td></tr>
 * </table>
 */
public enum TimestampUnit {
    /** {@value DebeziumSchemaNames#TIMESTAMP} and {@value DebeziumSchemaNames#CONNECT_TIMESTAMP}. */
    MILLIS(1_000_000L),
    /** {@value DebeziumSchemaNames#MICRO_TIMESTAMP}. */
    MICROS(1_000L),
    /** {@value DebeziumSchemaNames#NANO_TIMESTAMP}. */
    NANOS(1L);

    private final long nanos;

    TimestampUnit(long nanos) {
        this.nanos = nanos;
    }

    /** Nanoseconds in one unit. */
    long nanos() {
        return nanos;
    }

    /** The unit of a schema name such as {@value DebeziumSchemaNames#MICRO_TIMESTAMP}; empty if it is no timestamp. */
    public static Optional<TimestampUnit> ofSchemaName(String schemaName) {
        return switch (schemaName) {
            case DebeziumSchemaNames.TIMESTAMP, DebeziumSchemaNames.CONNECT_TIMESTAMP -> Optional.of(MILLIS);
            case DebeziumSchemaNames.MICRO_TIMESTAMP -> Optional.of(MICROS);
            case DebeziumSchemaNames.NANO_TIMESTAMP -> Optional.of(NANOS);
            default -> Optional.empty();
        };
    }
}
