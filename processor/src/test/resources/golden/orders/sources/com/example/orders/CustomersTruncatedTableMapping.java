package com.example.orders;

import dev.stele.annotation.Operation;
import dev.stele.spi.ChangeRow;
import dev.stele.spi.MappedColumn;
import dev.stele.spi.TableMapping;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * Changes of table {@code shop.customers} as {@link CustomersTruncated}, event {@code CustomersTruncated},
 * on {@code TRUNCATE}: the column each component reads, and the record built from a row.
 */
@Generated("dev.stele.processor.SteleProcessor")
public final class CustomersTruncatedTableMapping implements TableMapping<CustomersTruncated> {
    /**
     * The mapping as the generated table mapping catalog registers it.
     */
    public static final CustomersTruncatedTableMapping TYPE = new CustomersTruncatedTableMapping();

    private static final Set<Operation> OPERATIONS = Collections.unmodifiableSet(EnumSet.of(Operation.TRUNCATE));

    private static final List<MappedColumn> COLUMNS = List.of();

    private CustomersTruncatedTableMapping() {
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
    public Class<CustomersTruncated> eventClass() {
        return CustomersTruncated.class;
    }

    @Override
    public String eventName() {
        return "CustomersTruncated";
    }

    @Override
    public List<MappedColumn> columns() {
        return COLUMNS;
    }

    @Override
    public CustomersTruncated map(ChangeRow row) {
        return new CustomersTruncated();
    }
}
