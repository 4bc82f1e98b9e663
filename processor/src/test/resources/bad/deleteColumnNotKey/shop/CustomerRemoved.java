package shop;

import dev.stele.annotation.Column;
import dev.stele.annotation.Event;
import dev.stele.annotation.FromTable;
import dev.stele.annotation.Operation;
import java.util.Optional;

@Event(name = "CustomerRemoved")
@FromTable(table = "customers", operations = Operation.DELETE)
public record CustomerRemoved(
        @Column("id") long customerId,
        long accountId,
        Optional<String> name,
        String email) {
}
