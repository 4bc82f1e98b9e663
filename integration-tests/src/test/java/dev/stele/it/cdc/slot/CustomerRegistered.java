package dev.stele.it.cdc.slot;

import dev.stele.annotation.Column;
import dev.stele.annotation.Decimal;
import dev.stele.annotation.Event;
import dev.stele.annotation.FromTable;
import dev.stele.annotation.Operation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A row inserted into {@code it_customers}, a table no event store wrote. */
@Event(name = "ItCustomerRegistered")
@FromTable(table = "it_customers", operations = Operation.INSERT)
public record CustomerRegistered(long id, String email, @Column("created_at") Instant registeredAt,
        Optional<String> nickname, @Decimal(precision = 12, scale = 2) BigDecimal credit, List<String> tags) {
}
