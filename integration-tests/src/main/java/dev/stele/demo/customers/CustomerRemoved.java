package dev.stele.demo.customers;

import dev.stele.annotation.Column;
import dev.stele.annotation.Event;
import dev.stele.annotation.FromTable;
import dev.stele.annotation.Operation;

/** A row of the CRM's {@code customers} table deleted: its key, all a delete's old row holds by default. */
@Event(name = "CustomerRemoved")
@FromTable(table = "demo_crm.customers", operations = Operation.DELETE)
public record CustomerRemoved(@Column("id") long customerId) {
}
