package dev.stele.it.cdc.slot;

import dev.stele.annotation.Event;
import dev.stele.annotation.FromTable;
import dev.stele.annotation.Operation;

/** A row of {@code it_customers} updated: the new row's email. */
@Event(name = "ItCustomerEmailChanged")
@FromTable(table = "it_customers", operations = Operation.UPDATE)
public record CustomerEmailChanged(long id, String email) {
}
