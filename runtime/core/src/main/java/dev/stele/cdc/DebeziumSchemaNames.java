package dev.stele.cdc;

import dev.stele.format.ValueType;
import java.util.Optional;

/**
 * The names Debezium and Kafka Connect give the schemas of logical types, as they appear in a change
 * event's {@code "schema"} when the JSON converter writes schemas ({@code schemas.enable=true}), and
 * Debezium's placeholder for a value it does not have. One owner of these strings: everything in Stele
 * that recognises a Debezium representation names it through these constants.
 */
public final class DebeziumSchemaNames {

    /** {@code timestamptz}: ISO-8601 text in UTC, such as {@code 2024-01-31T10:15:30.123456Z}. */
    public static final String ZONED_TIMESTAMP = "io.debezium.time.ZonedTimestamp";

    /** {@code timestamp(0..3)} under {@code time.precision.mode=adaptive}: int64 milliseconds since 1970. */
    public static final String TIMESTAMP = "io.debezium.time.Timestamp";

    /** {@code timestamp} and {@code timestamp(4..6)} under the adaptive modes: int64 microseconds since 1970. */
    public static final String MICRO_TIMESTAMP = "io.debezium.time.MicroTimestamp";

    /** A timestamp in int64 nanoseconds since 1970 (PostgreSQL's timestamps never need it, other connectors do). */
    public static final String NANO_TIMESTAMP = "io.debezium.time.NanoTimestamp";

    /** {@code date} under the adaptive modes: int32 days since 1970-01-01. */
    public static final String DATE = "io.debezium.time.Date";

    /** {@code timestamp} under {@code time.precision.mode=connect}: int64 milliseconds since 1970. */
    public static final String CONNECT_TIMESTAMP = "org.apache.kafka.connect.data.Timestamp";

    /** {@code date} under {@code time.precision.mode=connect}: int32 days since 1970-01-01. */
    public static final String CONNECT_DATE = "org.apache.kafka.connect.data.Date";

    /** {@code time(0..3)} under {@code time.precision.mode=adaptive}: int32 milliseconds since midnight. */
    public static final String TIME = "io.debezium.time.Time";

    /** {@code time} and {@code time(4..6)} under the adaptive modes: int64 microseconds since midnight. */
    public static final String MICRO_TIME = "io.debezium.time.MicroTime";

    /** A time of day in int64 nanoseconds since midnight. */
    public static final String NANO_TIME = "io.debezium.time.NanoTime";

    /** {@code time} under {@code time.precision.mode=connect}: int32 milliseconds since midnight. */
    public static final String CONNECT_TIME = "org.apache.kafka.connect.data.Time";

    /** {@code timetz}: ISO-8601 text in UTC, such as {@code 10:15:30.123456Z}. */
    public static final String ZONED_TIME = "io.debezium.time.ZonedTime";

    /**
     * {@code numeric(p,s)} under {@code decimal.handling.mode=precise}: the big-endian two's-complement
     * unscaled value (base64 in JSON); the scale is the schema's parameter {@code scale}.
     */
    public static final String DECIMAL = "org.apache.kafka.connect.data.Decimal";

    /** {@code numeric} without a scale under the precise mode: {@code {"scale": int32, "value": bytes}}. */
    public static final String VARIABLE_SCALE_DECIMAL = "io.debezium.data.VariableScaleDecimal";

    /** {@code uuid}: the 36-character text form. */
    public static final String UUID = "io.debezium.data.Uuid";

    /** {@code json} and {@code jsonb}: a string holding the JSON text. */
    public static final String JSON = "io.debezium.data.Json";

    /**
     * What Debezium writes, by default, in place of a TOASTed value an update did not change when the table's
     * replica identity does not log it ({@code unavailable.value.placeholder}).
     */
    public static final String UNAVAILABLE_VALUE = "__debezium_unavailable_value";

    /** {@link #UNAVAILABLE_VALUE} as a {@code bytea} column carries it under {@code binary.handling.mode=bytes}. */
    public static final String UNAVAILABLE_VALUE_BASE64 = "X19kZWJleml1bV91bmF2YWlsYWJsZV92YWx1ZQ==";

    private DebeziumSchemaNames() {
    }

    /** The unit of a time-of-day schema name, such as {@value #MICRO_TIME}; empty for any other name. */
    public static Optional<TimestampUnit> timeOfDayUnit(String schemaName) {
        return switch (schemaName) {
            case TIME, CONNECT_TIME -> Optional.of(TimestampUnit.MILLIS);
            case MICRO_TIME -> Optional.of(TimestampUnit.MICROS);
            case NANO_TIME -> Optional.of(TimestampUnit.NANOS);
            default -> Optional.empty();
        };
    }

    /**
     * The Java value type Stele stores for a column of this schema name, so a component's type can be checked
     * against a change event's schema: {@value #ZONED_TIMESTAMP} is an {@link ValueType#INSTANT}, every
     * timestamp unit a {@link ValueType#LOCAL_DATE_TIME}, both dates a {@link ValueType#LOCAL_DATE}, both
     * decimals a {@link ValueType#DECIMAL}, {@value #UUID} a {@link ValueType#UUID_TEXT}; empty for any other
     * name (including {@value #JSON}, which is text).
     */
    public static Optional<ValueType> valueType(String schemaName) {
        return switch (schemaName) {
            case ZONED_TIMESTAMP -> Optional.of(ValueType.INSTANT);
            case TIMESTAMP, MICRO_TIMESTAMP, NANO_TIMESTAMP, CONNECT_TIMESTAMP -> Optional.of(ValueType.LOCAL_DATE_TIME);
            case DATE, CONNECT_DATE -> Optional.of(ValueType.LOCAL_DATE);
            case DECIMAL, VARIABLE_SCALE_DECIMAL -> Optional.of(ValueType.DECIMAL);
            case UUID -> Optional.of(ValueType.UUID_TEXT);
            default -> Optional.empty();
        };
    }
}
