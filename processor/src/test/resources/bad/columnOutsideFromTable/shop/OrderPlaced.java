package shop;

import dev.stele.annotation.Column;
import dev.stele.annotation.Event;
import dev.stele.annotation.FromTable;
import dev.stele.annotation.Operation;

@Event(name = "OrderPlaced")
public record OrderPlaced(
        @Column("id") String orderId,
        long totalMinor) {
}
