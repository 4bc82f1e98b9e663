package com.example.orders;

import dev.stele.annotation.Operation;
import dev.stele.spi.ChangeRow;
import dev.stele.spi.ColumnKind;
import dev.stele.spi.MappedColumn;
import dev.stele.spi.TableMapping;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * Changes of table {@code shop.customers} as {@link CustomerRemoved}, event {@code CustomerRemoved},
 * on {@code DELETE}: the column each component reads, and the record built from a row.
 */
@Generated("dev.stele.processor.SteleProcessor")
public final class CustomerRemovedTableMapping implements TableMapping<CustomerRemoved> {
    /**
     * The mapping as the generated table mapping catalog registers it.
     */
    public static final CustomerRemovedTableMapping TYPE = new CustomerRemovedTableMapping();

    private static final Set<Operation> OPERATIONS = Collections.unmodifiableSet(EnumSet.of(Operation.DELETE));

    private static final List<MappedColumn> COLUMNS = List.of(
            MappedColumn.of("id", "customerId", ColumnKind.LONG, false));

    private CustomerRemovedTableMapping() {
    }

    @Override
    public String table() {
        return "shop.customers";
    }

    @Override
    public Set<Operation> operations() {
        return OPERATIONS;
    }

    @Override
    public Class<CustomerRemoved> eventClass() {
        return CustomerRemoved.class;
    }

    @Override
    public String eventName() {
        return "CustomerRemoved";
    }

    @Override
    public List<MappedColumn> columns() {
        return COLUMNS;
    }

    @Override
    public CustomerRemoved map(ChangeRow row) {
        return new CustomerRemoved(
                row.getLong(0));
    }
}
