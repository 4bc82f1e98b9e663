package dev.stele.cdc.internal;

/**
 * A column's schema in a change event's schema envelope: Kafka Connect's type ({@code int64}, {@code string},
 * {@code bytes}, {@code struct}, {@code array}, ...), the logical type's name if any, the decimal scale
 * parameter if any, and an array's element schema.
 */
record FieldSchema(String type, String name, Integer scale, FieldSchema items) {

    boolean named(String logicalName) {
        return logicalName.equals(name);
    }

    /** {@code int64} or {@code io.debezium.time.MicroTimestamp (int64)}, for error messages. */
    String describe() {
        return name == null ? type : name + " (" + type + ")";
    }
}
