package dev.stele.spi;

import java.util.Objects;

/**
 * One component of a {@code @FromTable} record and the column it reads, as the generated mapping declares
 * it.
 *
 * @param column the column's name
 * @param component the record component's name, for errors
 * @param kind what the component takes
 * @param optional whether the component accepts a null or absent column ({@code Optional}, {@code @Nullable})
 * @param elementKind for a {@link ColumnKind#LIST}, its elements' kind; otherwise {@code null}
 * @param precision for a {@link ColumnKind#DECIMAL}, its {@code @Decimal} precision; otherwise 0
 * @param scale for a {@link ColumnKind#DECIMAL}, its {@code @Decimal} scale; otherwise 0
 * @param approximate for a {@link ColumnKind#DECIMAL}, whether it accepts a {@code double}
 *     ({@code @Column(approximate = true)})
 */
public record MappedColumn(String column, String component, ColumnKind kind, boolean optional,
        ColumnKind elementKind, int precision, int scale, boolean approximate) {

    public MappedColumn {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(kind, "kind");
        if ((kind == ColumnKind.LIST) != (elementKind != null)) {
            throw new IllegalArgumentException("a LIST column, and only one, has an element kind: " + column);
        }
    }

    /** A column of a scalar kind. */
    public static MappedColumn of(String column, String component, ColumnKind kind, boolean optional) {
        return new MappedColumn(column, component, kind, optional, null, 0, 0, false);
    }

    /** A {@link ColumnKind#DECIMAL} column into a {@code @Decimal(precision, scale) BigDecimal}. */
    public static MappedColumn decimal(String column, String component, boolean optional, int precision, int scale,
            boolean approximate) {
        return new MappedColumn(column, component, ColumnKind.DECIMAL, optional, null, precision, scale, approximate);
    }

    /** A {@link ColumnKind#LIST} column of {@code elementKind} values. */
    public static MappedColumn list(String column, String component, boolean optional, ColumnKind elementKind) {
        return new MappedColumn(column, component, ColumnKind.LIST, optional, elementKind, 0, 0, false);
    }
}
