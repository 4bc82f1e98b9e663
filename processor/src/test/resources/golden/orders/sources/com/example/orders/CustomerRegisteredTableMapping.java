package com.example.orders;

import dev.stele.annotation.Operation;
import dev.stele.spi.ChangeRow;
import dev.stele.spi.ColumnKind;
import dev.stele.spi.MappedColumn;
import dev.stele.spi.TableMapping;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * Changes of table {@code shop.customers} as {@link CustomerRegistered}, event {@code CustomerRegistered},
 * on {@code INSERT}, {@code SNAPSHOT}: the column each component reads, and the record built from a row.
 */
@Generated("dev.stele.processor.SteleProcessor")
public final class CustomerRegisteredTableMapping implements TableMapping<CustomerRegistered> {
    /**
     * The mapping as the generated table mapping catalog registers it.
     */
    public static final CustomerRegisteredTableMapping TYPE = new CustomerRegisteredTableMapping();

    private static final Set<Operation> OPERATIONS = Collections.unmodifiableSet(EnumSet.of(Operation.INSERT,
            Operation.SNAPSHOT));

    private static final List<MappedColumn> COLUMNS = List.of(
            MappedColumn.of("id", "customerId", ColumnKind.LONG, false),
            MappedColumn.of("email", "email", ColumnKind.STRING, false),
            MappedColumn.of("display_name", "displayName", ColumnKind.STRING, true),
            MappedColumn.of("last_seen_at", "lastSeenAt", ColumnKind.INSTANT, true),
            MappedColumn.of("first_order_id", "firstOrderID", ColumnKind.STRING, false),
            MappedColumn.of("referrer_order_id", "referrerOrderId", ColumnKind.STRING, true),
            MappedColumn.of("channel", "channel", ColumnKind.ENUM, false),
            MappedColumn.list("tags", "tags", false, ColumnKind.STRING),
            MappedColumn.decimal("credit_limit", "credit", false, 12, 2, true),
            MappedColumn.of("vip", "vip", ColumnKind.BOOLEAN, false),
            MappedColumn.of("logins", "logins", ColumnKind.INT, false),
            MappedColumn.of("external_id", "externalId", ColumnKind.UUID, false),
            MappedColumn.of("since", "since", ColumnKind.LOCAL_DATE, false));

    private CustomerRegisteredTableMapping() {
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
    public Class<CustomerRegistered> eventClass() {
        return CustomerRegistered.class;
    }

    @Override
    public String eventName() {
        return "CustomerRegistered";
    }

    @Override
    public List<MappedColumn> columns() {
        return COLUMNS;
    }

    @Override
    public CustomerRegistered map(ChangeRow row) {
        return new CustomerRegistered(
                row.getLong(0),
                row.getString(1),
                row.isNull(2) ? Optional.empty() : Optional.of(row.getString(2)),
                row.isNull(3) ? null : row.getInstant(3),
                new OrderId(row.getString(4)),
                row.isNull(5) ? Optional.empty() : Optional.of(new OrderId(row.getString(5))),
                row.getEnum(6, Channel.class),
                row.getList(7, String.class),
                row.getDecimal(8),
                row.getBoolean(9),
                row.getInt(10),
                row.getUuid(11),
                row.getLocalDate(12));
    }
}
