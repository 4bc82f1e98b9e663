package dev.stele.cdc.internal;

import dev.stele.annotation.Operation;
import dev.stele.cdc.BinaryHandlingMode;
import dev.stele.cdc.ChangeEventException;
import dev.stele.cdc.ChangeEventException.Problem;
import dev.stele.cdc.DebeziumSchemaNames;
import dev.stele.cdc.DebeziumSettings;
import dev.stele.cdc.DebeziumValues;
import dev.stele.cdc.DecimalHandlingMode;
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
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A row of a Debezium JSON change event as a {@code @FromTable} record's mapping reads it. Where the event has
 * its schema envelope, the column's logical type decides the conversion and a type the component cannot take
 * is refused; without it, the component's type and the connector settings decide.
 */
final class JsonChangeRow implements ChangeRow {

    private final MappingPlan plan;
    private final JsonRow row;
    private final Map<String, FieldSchema> schema;
    private final DebeziumSettings settings;
    private final String table;
    private final Operation operation;
    private final int[] positions;

    JsonChangeRow(MappingPlan plan, JsonRow row, Map<String, FieldSchema> schema, DebeziumSettings settings,
            String table, Operation operation) {
        this.plan = plan;
        this.row = row;
        this.schema = schema;
        this.settings = settings;
        this.table = table;
        this.operation = operation;
        MappedColumn[] columns = plan.columns();
        this.positions = new int[columns.length];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = row.indexOf(columns[i].column(), 0);
        }
    }

    /**
     * Checks every mapped column against the row and, once per schema, its schema before anything is read: a
     * missing or repeated column, and with a schema a type the component cannot take, fail before a value is
     * mapped.
     */
    void checkColumns(Set<TableMapping<?>> checked) {
        MappedColumn[] columns = plan.columns();
        for (int i = 0; i < positions.length; i++) {
            if (positions[i] < 0) {
                throw error(i, Problem.MISSING, "the change has no column " + columns[i].column()
                        + "; was it renamed or dropped? Map the record to the table's columns with @Column");
            }
            if (row.indexOf(columns[i].column(), positions[i] + 1) >= 0) {
                throw error(i, Problem.MALFORMED, "the change has the column twice");
            }
        }
        if (schema == null || checked.contains(plan.mapping())) {
            return;
        }
        for (int i = 0; i < positions.length; i++) {
            FieldSchema field = schema.get(columns[i].column());
            if (field != null) {
                String refusal = SchemaCompatibility.refusal(columns[i], field);
                if (refusal != null) {
                    throw error(i, Problem.TYPE_MISMATCH, refusal);
                }
            }
        }
        checked.add(plan.mapping());
    }

    @Override
    public boolean isNull(int column) {
        return positions[column] < 0 || row.raw(positions[column]) == null;
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
        if (value == JsonRow.LONG) {
            return row.longValue(positions[column]);
        }
        if (value instanceof BigInteger number) {
            throw error(column, Problem.OUT_OF_RANGE, number + " is outside the range of a long");
        }
        FieldSchema field = fieldSchema(column);
        if (isDecimal(field, value)) {
            BigDecimal decimal = decimal(column, value, field, false);
            try {
                return DebeziumValues.exactLong(plan.refs()[column], decimal);
            } catch (ChangeEventException e) {
                throw named(e, column);
            }
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
        if (value == JsonRow.LONG) {
            return row.longValue(positions[column]);
        }
        throw mismatch(column, "a number");
    }

    @Override
    public String getString(int column) {
        Object value = value(column);
        FieldSchema field = fieldSchema(column);
        try {
            if (value instanceof String text) {
                return field != null && field.named(DebeziumSchemaNames.JSON)
                        ? DebeziumValues.json(plan.refs()[column], text) : DebeziumValues.text(plan.refs()[column], text);
            }
            if (value == JsonRow.LONG && field != null && field.name() != null) {
                Optional<TimestampUnit> unit = DebeziumSchemaNames.timeOfDayUnit(field.name());
                if (unit.isPresent()) {
                    return DebeziumValues.timeOfDay(plan.refs()[column], row.longValue(positions[column]), unit.get());
                }
            }
        } catch (ChangeEventException e) {
            throw named(e, column);
        }
        if (value == JsonRow.LONG && field == null) {
            throw error(column, Problem.TYPE_MISMATCH, "the column holds a number where " + plan.components()[column]
                    + " takes text; a time column is read as text only with the schema envelope"
                    + " (value.converter.schemas.enable=true), which says the number's unit");
        }
        throw mismatch(column, "a string");
    }

    @Override
    public Instant getInstant(int column) {
        Object value = value(column);
        if (value instanceof String text) {
            try {
                return DebeziumValues.instant(plan.refs()[column], text);
            } catch (ChangeEventException e) {
                throw named(e, column);
            }
        }
        if (value == JsonRow.LONG) {
            throw error(column, Problem.TYPE_MISMATCH, "the column holds a number, as Debezium writes a timestamp"
                    + " without time zone; declare the component a LocalDateTime, or make the column timestamptz");
        }
        throw mismatch(column, "an ISO-8601 timestamp with time zone");
    }

    @Override
    public LocalDate getLocalDate(int column) {
        if (value(column) == JsonRow.LONG) {
            try {
                return DebeziumValues.localDate(plan.refs()[column], row.longValue(positions[column]));
            } catch (ChangeEventException e) {
                throw named(e, column);
            }
        }
        throw mismatch(column, "a number of days since 1970-01-01");
    }

    @Override
    public LocalDateTime getLocalDateTime(int column) {
        Object value = value(column);
        if (value == JsonRow.LONG) {
            FieldSchema field = fieldSchema(column);
            TimestampUnit unit = field == null || field.name() == null ? settings.timePrecision().timestampUnit()
                    : TimestampUnit.ofSchemaName(field.name()).orElse(settings.timePrecision().timestampUnit());
            try {
                return DebeziumValues.localDateTime(plan.refs()[column], row.longValue(positions[column]), unit);
            } catch (ChangeEventException e) {
                throw named(e, column);
            }
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
        MappedColumn mapped = plan.columns()[column];
        BigDecimal decimal = decimal(column, value, fieldSchema(column), mapped.approximate());
        try {
            return DebeziumValues.fit(plan.refs()[column], decimal, mapped.precision(), mapped.scale());
        } catch (ChangeEventException e) {
            throw named(e, column);
        }
    }

    @Override
    public UUID getUuid(int column) {
        if (value(column) instanceof String text) {
            try {
                return DebeziumValues.uuid(plan.refs()[column], text);
            } catch (ChangeEventException e) {
                throw named(e, column);
            }
        }
        throw mismatch(column, "a UUID's text");
    }

    @Override
    public byte[] getBytes(int column) {
        if (value(column) instanceof String text) {
            FieldSchema field = fieldSchema(column);
            BinaryHandlingMode mode = field != null && "bytes".equals(field.type())
                    ? BinaryHandlingMode.BYTES : settings.binaryHandling();
            try {
                return DebeziumValues.bytes(plan.refs()[column], text, mode);
            } catch (ChangeEventException e) {
                throw named(e, column);
            }
        }
        throw mismatch(column, "bytes as text");
    }

    @Override
    public <E extends Enum<E>> E getEnum(int column, Class<E> type) {
        String name = getString(column);
        E constant = EnumConstants.find(type, name);
        if (constant == null) {
            throw error(column, Problem.MALFORMED, "'" + name + "' is not a constant of " + type.getSimpleName() + " "
                    + Arrays.toString(type.getEnumConstants()) + "; add it to the enum");
        }
        return constant;
    }

    @Override
    public <T> List<T> getList(int column, Class<T> elementType) {
        if (!(value(column) instanceof List<?> items)) {
            throw mismatch(column, "an array");
        }
        FieldSchema field = fieldSchema(column);
        FieldSchema itemSchema = field == null ? null : field.items();
        ColumnKind kind = plan.columns()[column].elementKind();
        List<T> result = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (item == null) {
                throw error(column, Problem.NULL, "element " + i + " of the array is null; a List component holds no"
                        + " nulls");
            }
            try {
                result.add(elementType.cast(ArrayElements.convert(plan.refs()[column], kind, item, itemSchema, settings,
                        i)));
            } catch (ChangeEventException e) {
                throw named(e, column);
            }
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
                || value instanceof String && settings.decimalHandling() != DecimalHandlingMode.PRECISE;
    }

    private BigDecimal decimal(int column, Object value, FieldSchema field, boolean approximate) {
        Object boxed = value == JsonRow.LONG ? (Object) row.longValue(positions[column]) : value;
        try {
            return DecimalColumns.read(plan.refs()[column], boxed, field, settings, plan.columns()[column].scale(),
                    approximate);
        } catch (ChangeEventException e) {
            throw named(e, column);
        }
    }

    /** The raw value of a present, non-null column ({@link JsonRow#LONG} for an integer), or the error. */
    private Object value(int column) {
        int position = positions[column];
        if (position < 0) {
            throw error(column, Problem.MISSING, "the change has no column " + plan.columns()[column].column()
                    + "; was it renamed or dropped? Map the record to the table's columns with @Column");
        }
        Object value = row.raw(position);
        if (value == null) {
            String fix = operation == Operation.DELETE
                    ? "; a delete's old row holds only the key columns unless the table is REPLICA IDENTITY FULL"
                    + " (ALTER TABLE " + table + " REPLICA IDENTITY FULL), or make the component Optional"
                    : "; make the component Optional (or @Nullable) if the column may be null";
            throw error(column, Problem.NULL, "the column is null and " + plan.components()[column] + " takes no null"
                    + fix);
        }
        return value;
    }

    private FieldSchema fieldSchema(int column) {
        return schema == null ? null : schema.get(plan.columns()[column].column());
    }

    private ChangeEventException named(ChangeEventException e, int column) {
        return e.component().isPresent() ? e : e.forComponent(plan.components()[column]);
    }

    private ChangeEventException mismatch(int column, String expected) {
        Object value = row.value(positions[column]);
        FieldSchema field = fieldSchema(column);
        if (value instanceof String text && DebeziumValues.isUnavailablePlaceholder(text)) {
            return named(DebeziumValues.unavailable(plan.refs()[column]), column);
        }
        return error(column, Problem.TYPE_MISMATCH, "expected " + expected + " for " + plan.components()[column]
                + " (" + plan.columns()[column].kind() + "), found " + JsonValues.describe(value)
                + (field == null ? "" : " of schema " + field.describe()));
    }

    private ChangeEventException error(int column, Problem problem, String reason) {
        return new ChangeEventException(plan.refs()[column], problem, reason)
                .forComponent(plan.components()[column]);
    }
}
