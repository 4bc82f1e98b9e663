package dev.stele.demo.customers;

import dev.stele.annotation.Column;
import dev.stele.annotation.Event;
import dev.stele.annotation.FromTable;
import dev.stele.annotation.Operation;
import java.time.Instant;
import java.util.Optional;

/** A row inserted into the CRM's {@code customers} table, which no event store writes. */
@Event(name = "CustomerRegistered")
@FromTable(table = "demo_crm.customers", operations = {Operation.INSERT, Operation.SNAPSHOT})
public record CustomerRegistered(@Column("id") long customerId, String email, Optional<String> name,
        @Column("created_at") Instant registeredAt) {
}
