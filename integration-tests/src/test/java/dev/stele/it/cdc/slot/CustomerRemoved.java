package dev.stele.it.cdc.slot;

import dev.stele.annotation.Event;
import dev.stele.annotation.FromTable;
import dev.stele.annotation.Operation;

/** A row of {@code it_customers} deleted: its key. */
@Event(name = "ItCustomerRemoved")
@FromTable(table = "it_customers", operations = Operation.DELETE)
public record CustomerRemoved(long id) {
}
