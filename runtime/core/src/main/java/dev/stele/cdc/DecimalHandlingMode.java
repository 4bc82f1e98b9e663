package dev.stele.cdc;

/** Debezium's {@code decimal.handling.mode}: how a {@code numeric} column is written. */
public enum DecimalHandlingMode {
    /** {@code precise} (the default): the unscaled value's bytes, base64 in JSON; the scale in the schema. */
    PRECISE,
    /** {@code string}: decimal text such as {@code -12.50}. */
    STRING,
    /** {@code double}: a JSON number, which may have lost digits. */
    DOUBLE
}
