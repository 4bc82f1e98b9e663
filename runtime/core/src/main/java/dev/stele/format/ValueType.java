package dev.stele.format;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * The Java value types Stele stores as an Avro logical type, and which one: the table the processor
 * writes schemas from, the codecs convert by ({@link dev.stele.spi.codec.Temporals},
 * {@link dev.stele.spi.codec.Decimals}) and the schema check names types with.
 */
public enum ValueType {
    /** Nanoseconds since 1970-01-01T00:00:00Z: {@code Instant.now()} as it is, 1677 to 2262. */
    INSTANT(Instant.class, "timestamp-nanos", "timestamp-"),
    /** Days since 1970-01-01. */
    LOCAL_DATE(LocalDate.class, "date", "date"),
    /** Nanoseconds since 1970-01-01T00:00 on the local time line, 1677 to 2262. */
    LOCAL_DATE_TIME(LocalDateTime.class, "local-timestamp-nanos", "local-timestamp-"),
    /** The 36-character text form. */
    UUID_TEXT(UUID.class, "uuid", "uuid"),
    /** The big-endian two's-complement unscaled value; precision and scale live in the schema. */
    DECIMAL(BigDecimal.class, "decimal", "decimal");

    private final Class<?> javaType;
    private final String logicalType;
    /** The prefix shared by every unit of the logical type's family: {@code timestamp-millis} is an Instant too. */
    private final String family;

    ValueType(Class<?> javaType, String logicalType, String family) {
        this.javaType = javaType;
        this.logicalType = logicalType;
        this.family = family;
    }

    public Class<?> javaType() {
        return javaType;
    }

    /** The logical type Stele writes, such as {@code timestamp-nanos}. */
    public String logicalType() {
        return logicalType;
    }

    /**
     * The schema Stele writes for a value of this type.
     *
     * @throws IllegalStateException for {@link #DECIMAL}, whose schema needs {@link #decimalSchema(int, int)}
     */
    public Schema schema() {
        return switch (this) {
            case INSTANT -> LogicalTypes.timestampNanos().addToSchema(Schema.create(Schema.Type.LONG));
            case LOCAL_DATE -> LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
            case LOCAL_DATE_TIME -> LogicalTypes.localTimestampNanos().addToSchema(Schema.create(Schema.Type.LONG));
            case UUID_TEXT -> LogicalTypes.uuid().addToSchema(Schema.create(Schema.Type.STRING));
            case DECIMAL -> throw new IllegalStateException("a decimal's schema needs its precision and scale");
        };
    }

    /** The schema of a {@code @Decimal(precision, scale) BigDecimal}. */
    public static Schema decimalSchema(int precision, int scale) {
        return LogicalTypes.decimal(precision, scale).addToSchema(Schema.create(Schema.Type.BYTES));
    }

    /**
     * The value type a logical type stands for, of whatever unit: {@code timestamp-millis} and
     * {@code timestamp-nanos} are both {@link #INSTANT}, so a schema check can say a unit changed.
     */
    public static Optional<ValueType> ofLogicalType(String logicalType) {
        // each family is a prefix that no other family's names start with: local-timestamp-* is not timestamp-*
        for (ValueType type : values()) {
            if (type.family.endsWith("-") ? logicalType.startsWith(type.family) : logicalType.equals(type.family)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
