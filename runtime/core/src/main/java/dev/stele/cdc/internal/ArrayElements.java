package dev.stele.cdc.internal;

import dev.stele.cdc.ChangeEventException;
import dev.stele.cdc.ChangeEventException.Problem;
import dev.stele.cdc.ColumnRef;
import dev.stele.cdc.DebeziumSettings;
import dev.stele.cdc.DebeziumValues;
import dev.stele.spi.ColumnKind;
import java.math.BigInteger;

/** An element of an array column, as the boxed Java value of the list's element kind. */
final class ArrayElements {

    private ArrayElements() {
    }

    static Object convert(ColumnRef column, ColumnKind kind, Object item, FieldSchema itemSchema,
            DebeziumSettings settings, int index) {
        try {
            return switch (kind) {
                case BOOLEAN -> (Boolean) cast(item, Boolean.class);
                case INT -> {
                    long value = whole(item);
                    if (value != (int) value) {
                        throw new ChangeEventException(column, Problem.OUT_OF_RANGE, value
                                + " is outside the range of an int");
                    }
                    yield (int) value;
                }
                case LONG -> whole(item);
                case FLOAT -> (float) number(item);
                case DOUBLE -> number(item);
                case STRING -> DebeziumValues.text(column, cast(item, String.class));
                case UUID -> DebeziumValues.uuid(column, cast(item, String.class));
                default -> throw new ChangeEventException(column, Problem.TYPE_MISMATCH, "an array of " + kind
                        + " is not supported; declare a List of Boolean, Integer, Long, Float, Double, String or UUID");
            };
        } catch (ClassCastException e) {
            throw new ChangeEventException(column, Problem.TYPE_MISMATCH, "element " + index + " of the array is "
                    + JsonValues.describe(item) + ", not a " + kind + (itemSchema == null ? ""
                    : " (its schema is " + itemSchema.describe() + ")"));
        }
    }

    private static <T> T cast(Object item, Class<T> type) {
        return type.cast(item);
    }

    private static long whole(Object item) {
        if (item instanceof BigInteger) {
            throw new ClassCastException();
        }
        return (Long) item;
    }

    private static double number(Object item) {
        return item instanceof Long whole ? whole : (Double) item;
    }
}
