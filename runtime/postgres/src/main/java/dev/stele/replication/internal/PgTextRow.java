package dev.stele.replication.internal;

import dev.stele.annotation.Operation;
import dev.stele.cdc.ChangeEventException;
import dev.stele.cdc.ChangeEventException.Problem;
import dev.stele.cdc.ColumnRef;
import dev.stele.cdc.DebeziumValues;
import dev.stele.spi.ChangeRow;
import dev.stele.spi.ColumnKind;
import dev.stele.spi.MappedColumn;
import dev.stele.spi.TableMapping;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * A row of a table change in PostgreSQL's text output (pgoutput's tuples, or a table read by a snapshot) as a
 * {@code @FromTable} record's mapping reads it: column {@code i} of the mapping is {@code texts[i]}, null for SQL
 * NULL or a column the row does not have, {@link #UNCHANGED} for a TOASTed value pgoutput did not send.
 */
public final class PgTextRow implements ChangeRow {

    /** pgoutput's marker for an unchanged TOASTed value it did not send: not data. */
    public static final String UNCHANGED = new String("unchanged-toast");

    private final TableMapping<?> mapping;
    private final String table;
    private final Operation operation;
    private final String[] texts;
    private final int[] typeOids;

    /** {@code typeOids[i]} is column {@code i}'s type, as the relation says it (0 where unknown). */
    public PgTextRow(TableMapping<?> mapping, String table, Operation operation, String[] texts, int[] typeOids) {
        this.mapping = mapping;
        this.table = table;
        this.operation = operation;
        this.texts = texts;
        this.typeOids = typeOids;
    }

    @Override
    public boolean isNull(int column) {
        return texts[column] == null;
    }

    @Override
    public boolean getBoolean(int column) {
        return convert(column, PgText::bool);
    }

    @Override
    public int getInt(int column) {
        long value = getLong(column);
        if (value != (int) value) {
            throw error(column, Problem.OUT_OF_RANGE, value + " is outside the range of an int");
        }
        return (int) value;
    }

    /** An integer column's text is read as it is; a numeric's through {@code BigDecimal}, whole or refused. */
    @Override
    public long getLong(int column) {
        if (typeOids[column] == PgTypes.INT8 || typeOids[column] == PgTypes.INT4 || typeOids[column] == PgTypes.INT2) {
            return convert(column, Long::parseLong);
        }
        return convert(column, text -> DebeziumValues.exactLong(ref(column), PgText.numeric(text)));
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
        return convert(column, Double::parseDouble);
    }

    /**
     * The text as PostgreSQL writes it, but a {@code timetz} in UTC as Debezium writes it
     * ({@code 10:15:30.123456Z}), so that a component reads the same from both.
     */
    @Override
    public String getString(int column) {
        if (typeOids[column] == PgTypes.TIMETZ) {
            return convert(column, PgText::timetzInUtc);
        }
        return text(column);
    }

    @Override
    public Instant getInstant(int column) {
        return convert(column, PgText::timestamptz);
    }

    @Override
    public LocalDate getLocalDate(int column) {
        return convert(column, PgText::date);
    }

    @Override
    public LocalDateTime getLocalDateTime(int column) {
        return convert(column, PgText::timestamp);
    }

    @Override
    public BigDecimal getDecimal(int column) {
        MappedColumn mapped = mapping.columns().get(column);
        BigDecimal value = convert(column, PgText::numeric);
        return guard(column, () -> DebeziumValues.fit(ref(column), value, mapped.precision(), mapped.scale()));
    }

    @Override
    public UUID getUuid(int column) {
        return convert(column, UUID::fromString);
    }

    @Override
    public byte[] getBytes(int column) {
        return convert(column, PgText::bytea);
    }

    @Override
    public <E extends Enum<E>> E getEnum(int column, Class<E> type) {
        String name = text(column);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        throw error(column, Problem.MALFORMED, "'" + name + "' is not a constant of " + type.getSimpleName() + " "
                + Arrays.toString(type.getEnumConstants()) + "; add it to the enum");
    }

    @Override
    public <T> List<T> getList(int column, Class<T> elementType) {
        List<String> items = convert(column, PgText::array);
        ColumnKind kind = mapping.columns().get(column).elementKind();
        List<T> result = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i);
            if (item == null) {
                throw error(column, Problem.NULL, "element " + i + " of the array is NULL; a List component holds no"
                        + " nulls");
            }
            try {
                result.add(elementType.cast(element(kind, item)));
            } catch (IllegalArgumentException e) {
                throw error(column, Problem.MALFORMED, "element " + i + " of the array, '" + item + "', cannot be read"
                        + " as " + kind + ": " + e.getMessage());
            }
        }
        return Collections.unmodifiableList(result);
    }

    private static Object element(ColumnKind kind, String text) {
        return switch (kind) {
            case BOOLEAN -> PgText.bool(text);
            case INT -> Integer.parseInt(text);
            case LONG -> Long.parseLong(text);
            case FLOAT -> Float.parseFloat(text);
            case DOUBLE -> Double.parseDouble(text);
            case STRING -> text;
            case UUID -> UUID.fromString(text);
            default -> throw new IllegalArgumentException("an array of " + kind + " is not supported");
        };
    }

    private String text(int column) {
        String text = texts[column];
        if (text == null) {
            String fix = operation == Operation.DELETE
                    ? "; a delete's old row holds only the key columns unless the table is REPLICA IDENTITY FULL"
                    + " (ALTER TABLE " + table + " REPLICA IDENTITY FULL), or make the component Optional"
                    : "; make the component Optional (or @Nullable) if the column may be null";
            throw error(column, Problem.NULL, "the column is null and " + componentName(column) + " takes no null"
                    + fix);
        }
        if (text == UNCHANGED) {
            throw error(column, Problem.UNAVAILABLE, "the value is TOASTed, this update did not change it, and the"
                    + " table's replica identity does not log it, so pgoutput did not send it; run ALTER TABLE "
                    + table + " REPLICA IDENTITY FULL so every change carries the whole row");
        }
        return text;
    }

    private <T> T convert(int column, Function<String, T> conversion) {
        String text = text(column);
        try {
            return conversion.apply(text);
        } catch (ChangeEventException e) {
            throw e.component().isPresent() ? e : e.forComponent(componentName(column));
        } catch (ArithmeticException | DateTimeException e) {
            throw error(column, Problem.OUT_OF_RANGE, "'" + text + "': " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw error(column, Problem.MALFORMED, "'" + text + "' cannot be read as "
                    + mapping.columns().get(column).kind() + ": " + e.getMessage());
        }
    }

    private <T> T guard(int column, java.util.function.Supplier<T> conversion) {
        try {
            return conversion.get();
        } catch (ChangeEventException e) {
            throw e.component().isPresent() ? e : e.forComponent(componentName(column));
        }
    }

    private ColumnRef ref(int column) {
        return new ColumnRef(table, mapping.columns().get(column).column());
    }

    private String componentName(int column) {
        return mapping.eventClass().getSimpleName() + "." + mapping.columns().get(column).component();
    }

    private ChangeEventException error(int column, Problem problem, String reason) {
        return new ChangeEventException(ref(column), problem, reason).forComponent(componentName(column));
    }
}
