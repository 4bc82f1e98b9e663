package dev.stele.cdc.internal;

import dev.stele.cdc.DebeziumSchemaNames;
import dev.stele.spi.ColumnKind;
import dev.stele.spi.MappedColumn;

/**
 * Whether a column, as a change event's schema describes it, can be read into a component: checked before the
 * first value of a change is mapped, so a retyped column fails with its name rather than as a mis-read value.
 */
final class SchemaCompatibility {

    private SchemaCompatibility() {
    }

    /** Null if {@code field} can be read into {@code column}'s component; otherwise why not and what to do. */
    static String refusal(MappedColumn column, FieldSchema field) {
        return accepts(column.kind(), column.elementKind(), field) ? null
                : "the column's schema is " + field.describe() + ", which a " + column.kind()
                + " component cannot take" + hint(field);
    }

    private static boolean accepts(ColumnKind kind, ColumnKind elementKind, FieldSchema field) {
        String type = field.type();
        String name = field.name();
        return switch (kind) {
            case BOOLEAN -> type.equals("boolean");
            case INT, LONG -> isInteger(type) && name == null || isDecimal(field) || isPlainString(field);
            case FLOAT, DOUBLE -> (isFloat(type) || isInteger(type)) && name == null;
            case STRING -> type.equals("string")
                    || name != null && DebeziumSchemaNames.timeOfDayUnit(name).isPresent();
            case ENUM -> type.equals("string");
            case INSTANT -> field.named(DebeziumSchemaNames.ZONED_TIMESTAMP);
            case LOCAL_DATE -> field.named(DebeziumSchemaNames.DATE) || field.named(DebeziumSchemaNames.CONNECT_DATE);
            case LOCAL_DATE_TIME -> type.equals("int64") && name != null
                    && dev.stele.cdc.TimestampUnit.ofSchemaName(name).isPresent();
            case DECIMAL -> isDecimal(field) || isPlainString(field)
                    || (isFloat(type) || isInteger(type)) && name == null;
            case UUID -> type.equals("string") && (name == null || field.named(DebeziumSchemaNames.UUID));
            case BYTES -> type.equals("bytes") && name == null || isPlainString(field);
            case LIST -> type.equals("array") && (field.items() == null
                    || accepts(elementKind, null, field.items()));
        };
    }

    /** Kafka Connect's JSON converter names its FLOAT32 and FLOAT64 types {@code float} and {@code double}. */
    private static boolean isFloat(String type) {
        return type.equals("float") || type.equals("double") || type.equals("float32") || type.equals("float64");
    }

    private static boolean isInteger(String type) {
        return type.equals("int8") || type.equals("int16") || type.equals("int32") || type.equals("int64");
    }

    private static boolean isDecimal(FieldSchema field) {
        return field.named(DebeziumSchemaNames.DECIMAL) || field.named(DebeziumSchemaNames.VARIABLE_SCALE_DECIMAL);
    }

    private static boolean isPlainString(FieldSchema field) {
        return field.type().equals("string") && field.name() == null;
    }

    private static String hint(FieldSchema field) {
        if (field.name() == null) {
            return "; change the component's type to match the column";
        }
        return switch (field.name()) {
            case DebeziumSchemaNames.ZONED_TIMESTAMP -> "; a timestamptz maps to an Instant (or a String)";
            case DebeziumSchemaNames.TIMESTAMP, DebeziumSchemaNames.MICRO_TIMESTAMP, DebeziumSchemaNames.NANO_TIMESTAMP,
                    DebeziumSchemaNames.CONNECT_TIMESTAMP -> "; a timestamp without time zone maps to a LocalDateTime";
            case DebeziumSchemaNames.DATE, DebeziumSchemaNames.CONNECT_DATE -> "; a date maps to a LocalDate";
            case DebeziumSchemaNames.DECIMAL, DebeziumSchemaNames.VARIABLE_SCALE_DECIMAL ->
                    "; a numeric maps to a @Decimal BigDecimal (or a long, for whole numbers)";
            case DebeziumSchemaNames.UUID -> "; a uuid maps to a UUID (or a String)";
            default -> "; change the component's type to match the column";
        };
    }
}
