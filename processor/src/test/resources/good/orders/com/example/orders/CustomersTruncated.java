package com.example.orders;

import dev.stele.annotation.Event;
import dev.stele.annotation.FromTable;
import dev.stele.annotation.Operation;

/** {@code shop.customers} truncated: no row, so no components. */
@Event(name = "CustomersTruncated")
@FromTable(table = "shop.customers", operations = Operation.TRUNCATE)
public record CustomersTruncated() {
}
