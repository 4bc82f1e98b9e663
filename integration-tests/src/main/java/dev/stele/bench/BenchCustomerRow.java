package dev.stele.bench;

import dev.stele.annotation.Decimal;
import dev.stele.annotation.Event;
import dev.stele.annotation.FromTable;
import dev.stele.annotation.Operation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A row of {@code public.bench_customers} as {@link DebeziumMappingBenchmark} reads it from Debezium's JSON: the
 * columns an ordinary customers table has ({@link BenchCustomers#CREATE} is its DDL).
 */
@Event(name = "BenchCustomerRow")
@FromTable(table = "public.bench_customers", operations = {Operation.INSERT, Operation.UPDATE, Operation.SNAPSHOT})
public record BenchCustomerRow(long id, String email, Optional<String> name, Instant createdAt,
        LocalDateTime lastSeen, LocalDate birthday, @Decimal(precision = 12, scale = 2) BigDecimal balance,
        UUID externalRef, CustomerTier tier, List<String> tags, boolean active, int loginCount, String preferences) {
}
