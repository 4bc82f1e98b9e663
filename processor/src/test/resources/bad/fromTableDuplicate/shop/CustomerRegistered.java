package shop;

import dev.stele.annotation.Column;
import dev.stele.annotation.Event;
import dev.stele.annotation.FromTable;
import dev.stele.annotation.Operation;

@Event(name = "CustomerRegistered")
@FromTable(table = "customers", operations = {Operation.INSERT, Operation.SNAPSHOT})
public record CustomerRegistered(@Column("id") long customerId, String email) {
}
