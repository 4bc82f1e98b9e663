package dev.stele.spi;

import dev.stele.annotation.Operation;
import java.util.List;
import java.util.Set;

/**
 * What the processor generates for a {@code @FromTable} record: the table and operations it stands for, the
 * columns it reads, and the construction of the record from one row, with no reflection.
 *
 * @param <E> the record
 */
public interface TableMapping<E> {

    /** The table as {@code schema.table}, in lower case: {@code public.customers}. */
    String table();

    /** The operations the record stands for; never empty. */
    Set<Operation> operations();

    Class<E> eventClass();

    /** The record's event name, from {@code @Event}. */
    String eventName();

    /** The columns the record reads, in component order; row column {@code i} is the {@code i}-th. */
    List<MappedColumn> columns();

    /**
     * The record of {@code row}. For a {@link Operation#TRUNCATE}-only record, which has no components, the row
     * is empty.
     *
     * @throws dev.stele.cdc.ChangeEventException if a column cannot be read into its component
     */
    E map(ChangeRow row);
}
