package com.example.kinds;

import dev.stele.annotation.Column;
import dev.stele.annotation.Decimal;
import dev.stele.annotation.Event;
import dev.stele.annotation.FromTable;
import dev.stele.annotation.Operation;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Plain tables of the warehouse, mapped by records nested in a class. */
public final class Stock {

    private Stock() {
    }

    /**
     * Every column kind the golden mapping leaves out, optional wrappers around more kinds, and components named
     * like the generated code's own names.
     */
    @Event(name = "StockRowCounted")
    @FromTable(table = "inventory.stock_counts", operations = {Operation.UPDATE, Operation.INSERT})
    public record Counted(
            @Column("id") long row,
            Sku sku,
            @Nullable Quantity quantity,
            Optional<Priority> priority,
            float weight,
            Double volume,
            byte[] label,
            LocalDateTime countedAt,
            List<Long> binIds,
            List<UUID> countedBy,
            List<Boolean> checks,
            List<Double> readings,
            @Decimal(precision = 9, scale = 3) Optional<BigDecimal> shrinkage,
            String columns,
            @Nullable String TYPE,
            long OPERATIONS) {
    }

    /** A delete of a table written without a schema, under REPLICA IDENTITY FULL: every column optional. */
    @Event(name = "StockRowDropped")
    @FromTable(table = "Stock_Counts", operations = {Operation.DELETE})
    public record Dropped(long stockCountId, Optional<String> reason) {
    }
}
