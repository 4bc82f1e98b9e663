package dev.stele.cdc;

import dev.stele.annotation.Operation;
import dev.stele.spi.ChangeRow;
import dev.stele.spi.ColumnKind;
import dev.stele.spi.MappedColumn;
import dev.stele.spi.TableMapping;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Records of a {@code public.customers} table and their mappings, written as the processor generates them, so
 * the runtime's reading of Debezium's events is tested here without a compiler run.
 */
final class Customers {

    enum Tier { GOLD, SILVER }

    record Registered(long id, String email, Instant createdAt, LocalDate born, LocalDateTime seenAt,
            BigDecimal balance, UUID ref, Optional<byte[]> avatar, Tier tier, List<String> tags,
            Optional<String> profile, boolean active) {
    }

    record Removed(long id) {
    }

    record RemovedFully(long id, String email) {
    }

    record Truncated() {
    }

    static final TableMapping<Registered> REGISTERED = new TableMapping<>() {
        private final List<MappedColumn> columns = List.of(
                MappedColumn.of("id", "id", ColumnKind.LONG, false),
                MappedColumn.of("email", "email", ColumnKind.STRING, false),
                MappedColumn.of("created_at", "createdAt", ColumnKind.INSTANT, false),
                MappedColumn.of("born", "born", ColumnKind.LOCAL_DATE, false),
                MappedColumn.of("seen_at", "seenAt", ColumnKind.LOCAL_DATE_TIME, false),
                MappedColumn.decimal("balance", "balance", false, 12, 2, false),
                MappedColumn.of("ref", "ref", ColumnKind.UUID, false),
                MappedColumn.of("avatar", "avatar", ColumnKind.BYTES, true),
                MappedColumn.of("tier", "tier", ColumnKind.ENUM, false),
                MappedColumn.list("tags", "tags", false, ColumnKind.STRING),
                MappedColumn.of("profile", "profile", ColumnKind.STRING, true),
                MappedColumn.of("active", "active", ColumnKind.BOOLEAN, false));

        @Override public String table() { return "public.customers"; }
        @Override public Set<Operation> operations() { return EnumSet.of(Operation.INSERT, Operation.UPDATE, Operation.SNAPSHOT); }
        @Override public Class<Registered> eventClass() { return Registered.class; }
        @Override public String eventName() { return "CustomerRegistered"; }
        @Override public List<MappedColumn> columns() { return columns; }

        @Override
        public Registered map(ChangeRow row) {
            return new Registered(row.getLong(0), row.getString(1), row.getInstant(2), row.getLocalDate(3),
                    row.getLocalDateTime(4), row.getDecimal(5), row.getUuid(6),
                    row.isNull(7) ? Optional.empty() : Optional.of(row.getBytes(7)), row.getEnum(8, Tier.class),
                    row.getList(9, String.class), row.isNull(10) ? Optional.empty() : Optional.of(row.getString(10)),
                    row.getBoolean(11));
        }
    };

    static final TableMapping<Removed> REMOVED = new SimpleMapping<>("public.customers", Operation.DELETE,
            Removed.class, List.of(MappedColumn.of("id", "id", ColumnKind.LONG, false)),
            row -> new Removed(row.getLong(0)));

    static final TableMapping<RemovedFully> REMOVED_FULLY = new SimpleMapping<>("public.accounts", Operation.DELETE,
            RemovedFully.class, List.of(MappedColumn.of("id", "id", ColumnKind.LONG, false),
            MappedColumn.of("email", "email", ColumnKind.STRING, false)),
            row -> new RemovedFully(row.getLong(0), row.getString(1)));

    static final TableMapping<Truncated> TRUNCATED = new SimpleMapping<>("public.customers", Operation.TRUNCATE,
            Truncated.class, List.of(), row -> new Truncated());

    private Customers() {
    }

    /** A one-operation mapping, as the generated ones are but shorter to write. */
    record SimpleMapping<E>(String table, Operation operation, Class<E> eventClass, List<MappedColumn> columns,
            java.util.function.Function<ChangeRow, E> constructor) implements TableMapping<E> {
        @Override public Set<Operation> operations() { return EnumSet.of(operation); }
        @Override public String eventName() { return eventClass.getSimpleName(); }
        @Override public E map(ChangeRow row) { return constructor.apply(row); }
    }
}
