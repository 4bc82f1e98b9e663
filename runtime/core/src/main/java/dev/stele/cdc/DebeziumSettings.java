package dev.stele.cdc;

import java.util.Objects;

/**
 * The connector settings that decide how Debezium writes a value, as far as reading a change event without its
 * schema needs them. With the schema envelope ({@code value.converter.schemas.enable=true}) the schema names
 * each value's representation and these settings only fill in what it leaves open.
 *
 * @param timePrecision {@code time.precision.mode}
 * @param decimalHandling {@code decimal.handling.mode}
 * @param binaryHandling {@code binary.handling.mode}
 */
public record DebeziumSettings(TimePrecisionMode timePrecision, DecimalHandlingMode decimalHandling,
        BinaryHandlingMode binaryHandling) {

    public DebeziumSettings {
        Objects.requireNonNull(timePrecision, "timePrecision");
        Objects.requireNonNull(decimalHandling, "decimalHandling");
        Objects.requireNonNull(binaryHandling, "binaryHandling");
    }

    /** Debezium's defaults: {@code adaptive}, {@code precise}, {@code bytes}. */
    public static DebeziumSettings defaults() {
        return new DebeziumSettings(TimePrecisionMode.ADAPTIVE, DecimalHandlingMode.PRECISE, BinaryHandlingMode.BYTES);
    }

    public DebeziumSettings withTimePrecision(TimePrecisionMode mode) {
        return new DebeziumSettings(mode, decimalHandling, binaryHandling);
    }

    public DebeziumSettings withDecimalHandling(DecimalHandlingMode mode) {
        return new DebeziumSettings(timePrecision, mode, binaryHandling);
    }

    public DebeziumSettings withBinaryHandling(BinaryHandlingMode mode) {
        return new DebeziumSettings(timePrecision, decimalHandling, mode);
    }
}
