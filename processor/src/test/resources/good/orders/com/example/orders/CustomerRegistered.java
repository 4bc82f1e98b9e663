package com.example.orders;

import dev.stele.annotation.Column;
import dev.stele.annotation.Decimal;
import dev.stele.annotation.Event;
import dev.stele.annotation.FromTable;
import dev.stele.annotation.Operation;
import dev.stele.annotation.StreamId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A row of a plain table, {@code shop.customers}, inserted or read by a snapshot: the golden table mapping, with
 * a column of each kind a component takes, named by {@code @Column} or by the component in snake_case.
 */
@Event(name = "CustomerRegistered")
@FromTable(table = "Shop.Customers", operations = {Operation.SNAPSHOT, Operation.INSERT})
public record CustomerRegistered(
        @StreamId @Column("id") long customerId,
        String email,
        Optional<String> displayName,
        @Nullable Instant lastSeenAt,
        OrderId firstOrderID,
        Optional<OrderId> referrerOrderId,
        Channel channel,
        List<String> tags,
        @Decimal(precision = 12, scale = 2) @Column(value = "Credit_Limit", approximate = true) BigDecimal credit,
        boolean vip,
        Integer logins,
        UUID externalId,
        LocalDate since) {
}
