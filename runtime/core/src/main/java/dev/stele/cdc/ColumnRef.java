package dev.stele.cdc;

import java.util.Objects;

/**
 * A column of a captured table, named in every error about one of its values.
 *
 * @param table the table as Debezium names it in {@code source}, such as {@code public.customers}
 * @param column the column's name, such as {@code created_at}
 */
public record ColumnRef(String table, String column) {

    public ColumnRef {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
    }

    /** {@code public.customers.created_at}. */
    @Override
    public String toString() {
        return table + "." + column;
    }
}
