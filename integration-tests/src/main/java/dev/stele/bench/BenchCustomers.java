package dev.stele.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code public.bench_customers}: its DDL, deterministic rows of varied content, and the insert. */
final class BenchCustomers {

    static final String TABLE = "public.bench_customers";

    static final String CREATE = "CREATE TABLE " + TABLE + " (id bigint PRIMARY KEY, email text NOT NULL, name text,"
            + " created_at timestamptz NOT NULL, last_seen timestamp NOT NULL, birthday date NOT NULL,"
            + " balance numeric(12,2) NOT NULL, external_ref uuid NOT NULL, tier bench_customer_tier NOT NULL,"
            + " tags text[] NOT NULL, active boolean NOT NULL, login_count int NOT NULL, preferences jsonb NOT NULL)";

    private BenchCustomers() {
    }

    static void create(Connection sql) throws SQLException {
        try (Statement statement = sql.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
            statement.execute("DROP TYPE IF EXISTS bench_customer_tier");
            statement.execute("CREATE TYPE bench_customer_tier AS ENUM ('FREE', 'PRO', 'ENTERPRISE')");
            statement.execute(CREATE);
        }
    }

    static void drop(Connection sql) throws SQLException {
        try (Statement statement = sql.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
            statement.execute("DROP TYPE IF EXISTS bench_customer_tier");
        }
    }

    /** Row {@code id}: every value derived from it, a name missing on every seventh, one to four tags. */
    static BenchCustomerRow row(long id) {
        String[] words = {"newsletter", "beta", "vip", "churn-risk", "eu", "us", "mobile", "partner"};
        List<String> tags = new ArrayList<>();
        for (int i = 0; i <= id % 4; i++) {
            tags.add(words[(int) ((id * 3 + i * 5) % words.length)]);
        }
        String preferences = "{\"lang\": \"" + (id % 3 == 0 ? "de" : "en") + "\", \"theme\": \""
                + (id % 2 == 0 ? "dark" : "light") + "\", \"notifications\": {\"email\": " + (id % 5 != 0)
                + ", \"sms\": " + (id % 7 == 0) + "}, \"limits\": [" + id % 10 + ", " + id * 13 % 100 + "]}";
        return new BenchCustomerRow(id, "customer" + id + "@example.com",
                id % 7 == 0 ? Optional.empty() : Optional.of("Customer Nº " + id + (id % 5 == 0 ? " Müller" : " Smith")),
                Instant.parse("2024-01-01T00:00:00Z").plusSeconds(id * 86_311L).plusNanos(id * 1_001_000L % 1_000_000_000L),
                LocalDateTime.parse("2025-06-01T08:00:00").plusSeconds(id * 3_607L).plusNanos(id * 7_000L),
                LocalDate.of(1950, 1, 1).plusDays(id * 97 % 20_000),
                BigDecimal.valueOf(id * 12_345L % 10_000_000L - 2_000_000L, 2),
                UUID.nameUUIDFromBytes(("customer" + id).getBytes(StandardCharsets.UTF_8)),
                CustomerTier.values()[(int) (id % 3)], List.copyOf(tags), id % 4 != 0, (int) (id * 31 % 5_000),
                preferences);
    }

    static void insert(Connection sql, BenchCustomerRow row) throws SQLException {
        try (PreparedStatement insert = sql.prepareStatement("INSERT INTO " + TABLE
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::bench_customer_tier, ?, ?, ?, ?::jsonb)")) {
            insert.setLong(1, row.id());
            insert.setString(2, row.email());
            insert.setString(3, row.name().orElse(null));
            insert.setObject(4, OffsetDateTime.ofInstant(row.createdAt(), ZoneOffset.UTC));
            insert.setObject(5, row.lastSeen());
            insert.setObject(6, row.birthday());
            insert.setBigDecimal(7, row.balance());
            insert.setObject(8, row.externalRef());
            insert.setString(9, row.tier().name());
            insert.setArray(10, sql.createArrayOf("text", row.tags().toArray()));
            insert.setBoolean(11, row.active());
            insert.setInt(12, row.loginCount());
            insert.setString(13, row.preferences());
            insert.executeUpdate();
        }
    }
}
