package com.example.orders;

import dev.stele.annotation.Column;
import dev.stele.annotation.Event;
import dev.stele.annotation.FromTable;
import dev.stele.annotation.Operation;

/** A row of {@code shop.customers} deleted: its old row holds the key column, {@code id}. */
@Event(name = "CustomerRemoved")
@FromTable(table = "shop.customers", operations = Operation.DELETE)
public record CustomerRemoved(@Column("id") long customerId) {
}
