package dev.stele.processor.model;

import java.util.Optional;

/** Types encoded as one value in both formats. */
public enum ScalarKind {
    BOOLEAN("java.lang.Boolean"),
    INT("java.lang.Integer"),
    LONG("java.lang.Long"),
    FLOAT("java.lang.Float"),
    DOUBLE("java.lang.Double"),
    STRING("java.lang.String"),
    /** {@code Instant}: Avro {@code timestamp-nanos}, ISO-8601 text in UTC in JSON. */
    INSTANT("java.time.Instant"),
    /** {@code LocalDate}: Avro {@code date}, ISO-8601 text in JSON. */
    LOCAL_DATE("java.time.LocalDate"),
    /** {@code LocalDateTime}: Avro {@code local-timestamp-nanos}, ISO-8601 text in JSON. */
    LOCAL_DATE_TIME("java.time.LocalDateTime"),
    /** {@code UUID}: Avro {@code uuid} string. */
    UUID("java.util.UUID"),
    /** {@code byte[]}: Avro {@code bytes}, Base64 in JSON. */
    BYTES("byte[]");

    /** The class a value of this kind is (the box, for a primitive). */
    private final String className;

    ScalarKind(String className) {
        this.className = className;
    }

    /** The kind of a class such as {@code java.time.Instant} or {@code java.lang.Long}, if it is a scalar. */
    public static Optional<ScalarKind> ofClass(String qualifiedName) {
        for (ScalarKind kind : values()) {
            if (kind.className.equals(qualifiedName)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
