package shop;

import dev.stele.annotation.Column;
import dev.stele.annotation.Event;
import dev.stele.annotation.FromTable;
import dev.stele.annotation.Operation;

@Event(name = "OrderLineAdded")
@FromTable(
        table = "public.order-lines",
        operations = Operation.INSERT)
public record OrderLineAdded(@Column("id") long lineId, String sku) {
}
