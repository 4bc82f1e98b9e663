package dev.stele.cdc.internal;

import dev.stele.cdc.ChangeEventException;
import dev.stele.cdc.ChangeEventException.Problem;
import dev.stele.cdc.ColumnRef;
import dev.stele.cdc.DebeziumSchemaNames;
import dev.stele.cdc.DebeziumSettings;
import dev.stele.cdc.DebeziumValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/** A {@code numeric} column in each of Debezium's representations, to the exact {@code BigDecimal}. */
final class DecimalColumns {

    private DecimalColumns() {
    }

    /**
     * {@code value} of a numeric column. With a schema, its name decides; without one, the JSON kind and
     * {@code decimal.handling.mode} do, and precise mode's bytes are read at {@code declaredScale}, the
     * component's {@code @Decimal} scale, which must be the column's.
     */
    static BigDecimal read(ColumnRef column, Object value, FieldSchema field, DebeziumSettings settings,
            int declaredScale, boolean approximate) {
        if (value instanceof Map<?, ?> struct) {
            return variableScale(column, struct);
        }
        if (value instanceof Long number) {
            return BigDecimal.valueOf(number);
        }
        if (value instanceof BigInteger number) {
            return new BigDecimal(number);
        }
        if (value instanceof Double number) {
            return DebeziumValues.decimalFromDouble(column, number, approximate);
        }
        if (value instanceof String text) {
            if (field != null) {
                if (field.named(DebeziumSchemaNames.DECIMAL)) {
                    if (field.scale() == null) {
                        throw new ChangeEventException(column, Problem.MALFORMED, "the schema of the decimal has no"
                                + " scale parameter");
                    }
                    return DebeziumValues.decimal(column, text, field.scale());
                }
                return DebeziumValues.decimalFromString(column, text);
            }
            return switch (settings.decimalHandling()) {
                case PRECISE -> DebeziumValues.decimal(column, text, declaredScale);
                case STRING, DOUBLE -> DebeziumValues.decimalFromString(column, text);
            };
        }
        throw new ChangeEventException(column, Problem.TYPE_MISMATCH, "expected a numeric in one of Debezium's"
                + " representations, found " + JsonValues.describe(value));
    }

    private static BigDecimal variableScale(ColumnRef column, Map<?, ?> struct) {
        Object scale = struct.get("scale");
        Object bytes = struct.get("value");
        if (struct.size() != 2 || !(scale instanceof Long s) || s != s.intValue() || !(bytes instanceof String text)) {
            throw new ChangeEventException(column, Problem.MALFORMED, "expected {\"scale\": int, \"value\": base64}"
                    + " as Debezium writes a numeric without a scale (" + DebeziumSchemaNames.VARIABLE_SCALE_DECIMAL
                    + "), found an object with " + struct.keySet());
        }
        return DebeziumValues.variableScaleDecimal(column, s.intValue(), text);
    }
}
