package shop;

import dev.stele.annotation.Column;
import dev.stele.annotation.Event;
import dev.stele.annotation.FromTable;
import dev.stele.annotation.Operation;
import java.util.Set;

@Event(name = "CustomerRegistered")
@FromTable(table = "customers", operations = Operation.INSERT)
public record CustomerRegistered(
        @Column("id") long customerId,
        Set<String> tags,
        Address address) {

    public record Address(String street, String city) {
    }
}
