package com.acme.crm;

import dev.stele.annotation.*;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

@Event(name = "CustomerRegistered")
@FromTable(table = "public.customers", operations = {Operation.INSERT, Operation.SNAPSHOT})
record CustomerRegistered(@Column("id") long customerId, String email, @Column("created_at") Instant at,
        @Decimal(precision = 12, scale = 2) BigDecimal creditLimit) {
}

@Event(name = "CustomerEmailChanged")
@FromTable(table = "public.customers", operations = Operation.UPDATE)
record CustomerEmailChanged(@Column("id") long customerId, String email) {
}

@Event(name = "CustomerRemoved")
@FromTable(table = "public.customers", operations = Operation.DELETE)
record CustomerRemoved(@Column("id") long customerId) {
}

@Event(name = "PaymentReceived")
@FromTable(table = "billing.payments", operations = Operation.INSERT)
record PaymentReceived(long id, @Column("customer_id") long customer, Optional<String> reference) {
}

@Event(name = "OrderPlaced")
record OrderPlaced(@StreamId String orderId, long amountMinor) {
}
