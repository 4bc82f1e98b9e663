package shop;

import dev.stele.annotation.Column;
import dev.stele.annotation.Event;
import dev.stele.annotation.FromTable;
import dev.stele.annotation.Operation;

@Event(name = "CustomerSignedUp")
@FromTable(
        table = "Public.Customers",
        operations = {Operation.INSERT, Operation.UPDATE})
public record CustomerSignedUp(@Column("id") long customerId, String email) {
}
