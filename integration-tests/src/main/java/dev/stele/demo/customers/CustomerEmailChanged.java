package dev.stele.demo.customers;

import dev.stele.annotation.Column;
import dev.stele.annotation.Event;
import dev.stele.annotation.FromTable;
import dev.stele.annotation.Operation;

/** A row of the CRM's {@code customers} table updated: its email as it is now. */
@Event(name = "CustomerEmailChanged")
@FromTable(table = "demo_crm.customers", operations = Operation.UPDATE)
public record CustomerEmailChanged(@Column("id") long customerId, String email) {
}
