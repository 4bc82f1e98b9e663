package shop;

import dev.stele.annotation.Column;
import dev.stele.annotation.Event;
import dev.stele.annotation.FromTable;
import dev.stele.annotation.Operation;
import dev.stele.annotation.Upcast;

@Event(name = "CustomerRegistered", version = 1)
@FromTable(table = "customers", operations = Operation.INSERT)
public record CustomerRegisteredV1(@Column("id") long customerId) {

    @Upcast
    static CustomerRegistered upcast(CustomerRegisteredV1 old) {
        return new CustomerRegistered(old.customerId(), "");
    }
}
