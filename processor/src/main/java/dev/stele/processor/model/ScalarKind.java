package dev.stele.processor.model;

/** Types encoded as one value in both formats. */
public enum ScalarKind {
    BOOLEAN,
    INT,
    LONG,
    FLOAT,
    DOUBLE,
    STRING,
    /** {@code Instant}: Avro {@code timestamp-micros}, ISO-8601 text in UTC in JSON. */
    INSTANT,
    /** {@code LocalDate}: Avro {@code date}, ISO-8601 text in JSON. */
    LOCAL_DATE,
    /** {@code LocalDateTime}: Avro {@code local-timestamp-micros}, ISO-8601 text in JSON. */
    LOCAL_DATE_TIME,
    /** {@code UUID}: Avro {@code uuid} string. */
    UUID,
    /** {@code byte[]}: Avro {@code bytes}, Base64 in JSON. */
    BYTES
}
