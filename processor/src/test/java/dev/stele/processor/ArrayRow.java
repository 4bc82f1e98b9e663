package dev.stele.processor;

import dev.stele.spi.ChangeRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A {@link ChangeRow} over the values of an array, each already of the Java type its getter returns (an enum
 * column as the constant's name): what the runtime's rows give a generated mapping, without a database.
 * As the runtime's rows do, a getter fails on a null column instead of returning null.
 */
final class ArrayRow implements ChangeRow {

    private final Object[] values;

    ArrayRow(Object... values) {
        this.values = values.clone();
    }

    @Override
    public boolean isNull(int column) {
        return values[column] == null;
    }

    @Override
    public boolean getBoolean(int column) {
        return value(column, Boolean.class);
    }

    @Override
    public int getInt(int column) {
        return value(column, Integer.class);
    }

    @Override
    public long getLong(int column) {
        return value(column, Long.class);
    }

    @Override
    public float getFloat(int column) {
        return value(column, Float.class);
    }

    @Override
    public double getDouble(int column) {
        return value(column, Double.class);
    }

    @Override
    public String getString(int column) {
        return value(column, String.class);
    }

    @Override
    public Instant getInstant(int column) {
        return value(column, Instant.class);
    }

    @Override
    public LocalDate getLocalDate(int column) {
        return value(column, LocalDate.class);
    }

    @Override
    public LocalDateTime getLocalDateTime(int column) {
        return value(column, LocalDateTime.class);
    }

    @Override
    public BigDecimal getDecimal(int column) {
        return value(column, BigDecimal.class);
    }

    @Override
    public UUID getUuid(int column) {
        return value(column, UUID.class);
    }

    @Override
    public byte[] getBytes(int column) {
        return value(column, byte[].class).clone();
    }

    @Override
    public <E extends Enum<E>> E getEnum(int column, Class<E> type) {
        return Enum.valueOf(type, value(column, String.class));
    }

    @Override
    public <T> List<T> getList(int column, Class<T> elementType) {
        List<T> list = new ArrayList<>();
        for (Object element : value(column, List.class)) {
            list.add(elementType.cast(element));
        }
        return List.copyOf(list);
    }

    private <T> T value(int column, Class<T> type) {
        Object value = values[column];
        if (value == null) {
            throw new IllegalStateException("column " + column + " is null");
        }
        return type.cast(value);
    }
}
