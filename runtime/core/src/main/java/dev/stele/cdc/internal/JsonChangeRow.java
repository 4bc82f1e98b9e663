package dev.stele.cdc.internal;

import dev.stele.annotation.Operation;
import dev.stele.cdc.BinaryHandlingMode;
import dev.stele.cdc.ChangeEventException;
import dev.stele.cdc.ChangeEventException.Problem;
import dev.stele.cdc.ColumnRef;
import dev.stele.cdc.DebeziumSchemaNames;
import dev.stele.cdc.DebeziumSettings;
import dev.stele.cdc.DebeziumValues;
import dev.stele.cdc.TimestampUnit;
import dev.stele.spi.ChangeRow;
import dev.stele.spi.ColumnKind;
import dev.stele.spi.MappedColumn;
import dev.stele.spi.TableMapping;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A row of a Debezium JSON change event as a {@code @FromTable} record's mapping reads it. Where the event has
 * its schema envelope, the column's logical type decides the conversion and a type the component cannot take
 * is refused; without it, the component's type and the connector settings decide.
 */
final class JsonChangeRow implements ChangeRow {

    private final TableMapping<?> mapping;
    private final List<MappedColumn> columns;
    private final JsonRow row;
    private final Map<String, FieldSchema> schema;
    private final DebeziumSettings settings;
    private final String table;
    private final Operation operation;
    private final int[] positions;

    JsonChangeRow(TableMapping<?> mapping, JsonRow row, Map<String, FieldSchema> schema, DebeziumSettings settings,
            String table, Operation operation) {
        this.mapping = mapping;
        this.columns = mapping.columns();
        this.row = row;
        this.schema = schema;
        this.settings = settings;
        this.table = table;
        this.operation = operation;
        this.positions = new int[columns.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = row.indexOf(columns.get(i).column());
        }
    }

    /**
     * Checks every mapped column against the row and its schema before anything is read: a missing column, and
     * with a schema a type the component cannot take, fail before a value is mapped.
     */
    void checkColumns() {
        for (int i = 0; i < positions.length; i++) {
            MappedColumn column = columns.get(i);
            if (positions[i] < 0) {
                throw error(i, Problem.MISSING, "the change has no column " + column.column()
                        + "; was it renamed or dropped? Map the record to the table's columns with @Column");
            }
            FieldSchema field = fieldSchema(i);
            if (field != null) {
                String refusal = SchemaCompatibility.refusal(column, field);
                if (refusal != null) {
                    throw error(i, Problem.TYPE_MISMATCH, refusal);
                }
            }
        }
    }

    @Override
    public boolean isNull(int column) {
        return positions[column] < 0 || row.value(positions[column]) == null;
    }

    @Override
    public boolean getBoolean(int column) {
        if (value(column) instanceof Boolean bool) {
            return bool;
        }
        throw mismatch(column, "a boolean");
    }

    @Override
    public int getInt(int column) {
        long value = getLong(column);
        if (value != (int) value) {
            throw error(column, Problem.OUT_OF_RANGE, value + " is outside the range of an int");
        }
        return (int) value;
    }

    @Override
    public long getLong(int column) {
        Object value = value(column);
        if (value instanceof Long number) {
            return number;
        }
        if (value instanceof BigInteger number) {
            throw error(column, Problem.OUT_OF_RANGE, number + " is outside the range of a long");
        }
        FieldSchema field = fieldSchema(column);
        if (isDecimal(field, value)) {
            return guard(column, () -> DebeziumValues.exactLong(ref(column), decimal(column, value, field, false)));
        }
        throw mismatch(column, "an integer");
    }

    @Override
    public float getFloat(int column) {
        double value = getDouble(column);
        if (Double.isFinite(value) && Float.isInfinite((float) value)) {
            throw error(column, Problem.OUT_OF_RANGE, value + " is outside the range of a float");
        }
        return (float) value;
    }

    @Override
    public double getDouble(int column) {
        Object value = value(column);
        if (value instanceof Double number) {
            return number;
        }
        if (value instanceof Long number) {
            return number;
        }
        throw mismatch(column, "a number");
    }

    @Override
    public String getString(int column) {
        Object value = value(column);
        FieldSchema field = fieldSchema(column);
        if (value instanceof String text) {
            return guard(column, () -> field != null && field.named(DebeziumSchemaNames.JSON)
                    ? DebeziumValues.json(ref(column), text) : DebeziumValues.text(ref(column), text));
        }
        if (value instanceof Long units && field != null && field.name() != null) {
            java.util.Optional<TimestampUnit> unit = DebeziumSchemaNames.timeOfDayUnit(field.name());
            if (unit.isPresent()) {
                return guard(column, () -> DebeziumValues.timeOfDay(ref(column), units, unit.get()));
            }
        }
        if (value instanceof Number && field == null) {
            throw error(column, Problem.TYPE_MISMATCH, "the column holds a number where " + componentName(column)
                    + " takes text; a time column is read as text only with the schema envelope"
                    + " (value.converter.schemas.enable=true), which says the number's unit");
        }
        throw mismatch(column, "a string");
    }

    @Override
    public Instant getInstant(int column) {
        Object value = value(column);
        if (value instanceof String text) {
            return guard(column, () -> DebeziumValues.instant(ref(column), text));
        }
        if (value instanceof Number) {
            throw error(column, Problem.TYPE_MISMATCH, "the column holds a number, as Debezium writes a timestamp"
                    + " without time zone; declare the component a LocalDateTime, or make the column timestamptz");
        }
        throw mismatch(column, "an ISO-8601 timestamp with time zone");
    }

    @Override
    public LocalDate getLocalDate(int column) {
        if (value(column) instanceof Long days) {
            return guard(column, () -> DebeziumValues.localDate(ref(column), days));
        }
        throw mismatch(column, "a number of days since 1970-01-01");
    }

    @Override
    public LocalDateTime getLocalDateTime(int column) {
        Object value = value(column);
        if (value instanceof Long units) {
            FieldSchema field = fieldSchema(column);
            TimestampUnit unit = field == null || field.name() == null ? settings.timePrecision().timestampUnit()
                    : TimestampUnit.ofSchemaName(field.name()).orElse(settings.timePrecision().timestampUnit());
            return guard(column, () -> DebeziumValues.localDateTime(ref(column), units, unit));
        }
        if (value instanceof String) {
            throw error(column, Problem.TYPE_MISMATCH, "the column holds text, as Debezium writes a timestamptz;"
                    + " declare the component an Instant, or make the column timestamp");
        }
        throw mismatch(column, "a number of time units since 1970");
    }

    @Override
    public BigDecimal getDecimal(int column) {
        Object value = value(column);
        MappedColumn mapped = columns.get(column);
        BigDecimal decimal = decimal(column, value, fieldSchema(column), mapped.approximate());
        return guard(column, () -> DebeziumValues.fit(ref(column), decimal, mapped.precision(), mapped.scale()));
    }

    @Override
    public UUID getUuid(int column) {
        if (value(column) instanceof String text) {
            return guard(column, () -> DebeziumValues.uuid(ref(column), text));
        }
        throw mismatch(column, "a UUID's text");
    }

    @Override
    public byte[] getBytes(int column) {
        if (value(column) instanceof String text) {
            FieldSchema field = fieldSchema(column);
            BinaryHandlingMode mode = field != null && "bytes".equals(field.type())
                    ? BinaryHandlingMode.BYTES : settings.binaryHandling();
            return guard(column, () -> DebeziumValues.bytes(ref(column), text, mode));
        }
        throw mismatch(column, "bytes as text");
    }

    @Override
    public <E extends Enum<E>> E getEnum(int column, Class<E> type) {
        String name = getString(column);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        throw error(column, Problem.MALFORMED, "'" + name + "' is not a constant of " + type.getSimpleName() + " "
                + java.util.Arrays.toString(type.getEnumConstants()) + "; add it to the enum");
    }

    @Override
    public <T> List<T> getList(int column, Class<T> elementType) {
        if (!(value(column) instanceof List<?> items)) {
            throw mismatch(column, "an array");
        }
        FieldSchema field = fieldSchema(column);
        FieldSchema itemSchema = field == null ? null : field.items();
        ColumnKind kind = columns.get(column).elementKind();
        List<T> result = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (item == null) {
                throw error(column, Problem.NULL, "element " + i + " of the array is null; a List component holds no"
                        + " nulls");
            }
            result.add(elementType.cast(ArrayElements.convert(ref(column), kind, item, itemSchema, settings, i)));
        }
        return Collections.unmodifiableList(result);
    }

    private boolean isDecimal(FieldSchema field, Object value) {
        if (field != null) {
            return field.named(DebeziumSchemaNames.DECIMAL) || field.named(DebeziumSchemaNames.VARIABLE_SCALE_DECIMAL)
                    || ("string".equals(field.type()) && field.name() == null);
        }
        // without a schema, precise mode's bytes do not say their scale: only the other forms are unambiguous
        return value instanceof Map<?, ?>
                || value instanceof String && settings.decimalHandling() != dev.stele.cdc.DecimalHandlingMode.PRECISE;
    }

    private BigDecimal decimal(int column, Object value, FieldSchema field, boolean approximate) {
        ColumnRef ref = ref(column);
        return guard(column, () -> DecimalColumns.read(ref, value, field, settings, columns.get(column).scale(), approximate));
    }

    private Object value(int column) {
        int position = positions[column];
        if (position < 0) {
            throw error(column, Problem.MISSING, "the change has no column " + columns.get(column).column()
                    + "; was it renamed or dropped? Map the record to the table's columns with @Column");
        }
        Object value = row.value(position);
        if (value == null) {
            String fix = operation == Operation.DELETE
                    ? "; a delete's old row holds only the key columns unless the table is REPLICA IDENTITY FULL"
                    + " (ALTER TABLE " + table + " REPLICA IDENTITY FULL), or make the component Optional"
                    : "; make the component Optional (or @Nullable) if the column may be null";
            throw error(column, Problem.NULL, "the column is null and " + componentName(column) + " takes no null"
                    + fix);
        }
        return value;
    }

    private FieldSchema fieldSchema(int column) {
        return schema == null ? null : schema.get(columns.get(column).column());
    }

    private ColumnRef ref(int column) {
        return new ColumnRef(table, columns.get(column).column());
    }

    private String componentName(int column) {
        return mapping.eventClass().getSimpleName() + "." + columns.get(column).component();
    }

    private <T> T guard(int column, java.util.function.Supplier<T> conversion) {
        try {
            return conversion.get();
        } catch (ChangeEventException e) {
            throw e.component().isPresent() ? e : e.forComponent(componentName(column));
        }
    }

    private ChangeEventException mismatch(int column, String expected) {
        Object value = row.value(positions[column]);
        FieldSchema field = fieldSchema(column);
        if (value instanceof String text && DebeziumValues.isUnavailablePlaceholder(text)) {
            return DebeziumValues.unavailable(ref(column)).forComponent(componentName(column));
        }
        return error(column, Problem.TYPE_MISMATCH, "expected " + expected + " for " + componentName(column)
                + " (" + columns.get(column).kind() + "), found " + JsonValues.describe(value)
                + (field == null ? "" : " of schema " + field.describe()));
    }

    private ChangeEventException error(int column, Problem problem, String reason) {
        return new ChangeEventException(ref(column), problem, reason).forComponent(componentName(column));
    }
}
