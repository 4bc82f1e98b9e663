package shop;

import dev.stele.annotation.Column;
import dev.stele.annotation.Event;
import dev.stele.annotation.FromTable;
import dev.stele.annotation.Operation;

@Event(name = "CustomersCleared")
@FromTable(
        table = "customers",
        operations = {Operation.DELETE, Operation.TRUNCATE})
public record CustomersCleared(@Column("id") long customerId) {
}
