package dev.stele.it.cdc.slot;

import dev.stele.annotation.Event;
import dev.stele.annotation.FromTable;
import dev.stele.annotation.Operation;

/** {@code it_customers} truncated. */
@Event(name = "ItCustomersTruncated")
@FromTable(table = "it_customers", operations = Operation.TRUNCATE)
public record CustomersTruncated() {
}
