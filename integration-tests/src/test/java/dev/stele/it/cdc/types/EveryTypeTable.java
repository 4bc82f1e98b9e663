package dev.stele.it.cdc.types;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code public.it_every_type}: made, filled with rows whose expected records are known, dropped. */
public final class EveryTypeTable {

    public static final String TABLE = "public.it_every_type";

    private EveryTypeTable() {
    }

    public static void create(Connection sql) throws SQLException {
        try (Statement statement = sql.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
            statement.execute("DROP TYPE IF EXISTS it_mood");
            statement.execute("CREATE TYPE it_mood AS ENUM ('HAPPY', 'SAD', 'MEH')");
            statement.execute("CREATE TABLE " + TABLE + " (id bigint PRIMARY KEY, flag boolean NOT NULL,"
                    + " small smallint NOT NULL, count int NOT NULL, real_value real NOT NULL,"
                    + " double_value double precision NOT NULL, amount numeric(20,6) NOT NULL, free_amount numeric"
                    + " NOT NULL, name text NOT NULL, code varchar(10) NOT NULL, tz timestamptz NOT NULL,"
                    + " ts timestamp NOT NULL, day date NOT NULL, ref uuid NOT NULL, doc jsonb NOT NULL,"
                    + " raw bytea NOT NULL, mood it_mood NOT NULL, tags text[] NOT NULL, numbers bigint[] NOT NULL,"
                    + " note text)");
        }
    }

    public static void drop(Connection sql) throws SQLException {
        try (Statement statement = sql.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
            statement.execute("DROP TYPE IF EXISTS it_mood");
        }
    }

    /** Inserts {@code row}; {@code doc} must be JSON as jsonb prints it (one space after each colon and comma). */
    public static void insert(Connection sql, EveryTypeRow row) throws SQLException {
        try (PreparedStatement insert = sql.prepareStatement("INSERT INTO " + TABLE + " VALUES (?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::it_mood, ?, ?, ?)")) {
            insert.setLong(1, row.id());
            insert.setBoolean(2, row.flag());
            insert.setShort(3, (short) row.small());
            insert.setInt(4, row.count());
            insert.setFloat(5, row.realValue());
            insert.setDouble(6, row.doubleValue());
            insert.setBigDecimal(7, row.amount());
            insert.setBigDecimal(8, row.freeAmount());
            insert.setString(9, row.name());
            insert.setString(10, row.code());
            insert.setObject(11, OffsetDateTime.ofInstant(row.tz(), ZoneOffset.UTC));
            insert.setObject(12, row.ts());
            insert.setObject(13, row.day());
            insert.setObject(14, row.ref());
            insert.setString(15, row.doc());
            insert.setBytes(16, row.raw());
            insert.setString(17, row.mood().name());
            insert.setArray(18, sql.createArrayOf("text", row.tags().toArray()));
            insert.setArray(19, sql.createArrayOf("bigint", row.numbers().toArray()));
            insert.setString(20, row.note().orElse(null));
            insert.executeUpdate();
        }
    }

    /**
     * Row {@code id}, with values at the edges of each type; {@code bigDoc} makes its jsonb TOASTed. Its date is
     * after 1582: Debezium 3.6.1 writes a date before the Gregorian calendar's start (through java.sql.Date's
     * Julian calendar) as another day, and 4713 BC as 4713 AD, which no mapping can undo.
     */
    public static EveryTypeRow edgeRow(long id, boolean bigDoc) {
        StringBuilder doc = new StringBuilder("{\"id\": " + id + ", \"items\": [");
        int items = bigDoc ? 20_000 : 3;
        for (int i = 0; i < items; i++) {
            doc.append(i == 0 ? "" : ", ").append("\"ä").append(i * 7919 % 10007).append('"');
        }
        doc.append("], \"nested\": {\"x\": null, \"y\": [1.5, true]}}");
        return new EveryTypeRow(id, id % 2 == 0, id % 2 == 0 ? -32768 : 32767,
                id % 2 == 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE, 1.5f * id, -0.1 * id,
                new BigDecimal("99999999999999.999999").subtract(BigDecimal.valueOf(id)),
                new BigDecimal("12345678901234567890.123456789012").negate().add(BigDecimal.valueOf(id)),
                "Zoë 😀 ñ «" + id + "» \"quoted\", {braces}", "c" + id,
                Instant.parse("2262-04-11T23:47:16.854775Z").minusSeconds(id * 86_400L * 365),
                LocalDateTime.parse("1677-09-21T00:12:43.145225").plusDays(id),
                LocalDate.of(1583, 1, 1).plusDays(id), UUID.nameUUIDFromBytes(("row" + id).getBytes()),
                doc.toString(), new byte[] {0, (byte) 0xff, (byte) id, 0x7f}, Mood.values()[(int) (id % 3)],
                List.of("a,b", "ü \"q\"", "NULL", ""), List.of(Long.MIN_VALUE, 0L, Long.MAX_VALUE),
                id % 3 == 0 ? Optional.empty() : Optional.of("note " + id));
    }

}
