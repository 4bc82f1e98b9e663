package dev.stele.it.cdc.agree;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stele.catalog.Catalog;
import dev.stele.cdc.BinaryHandlingMode;
import dev.stele.cdc.DebeziumChanges;
import dev.stele.cdc.DebeziumConnectorConfig;
import dev.stele.cdc.DebeziumSettings;
import dev.stele.cdc.DecimalHandlingMode;
import dev.stele.cdc.RowChange;
import dev.stele.cdc.TableChange;
import dev.stele.format.TableIndex;
import dev.stele.it.cdc.EmbeddedDebezium;
import dev.stele.it.cdc.types.EveryTypeRow;
import dev.stele.it.cdc.types.EveryTypeTable;
import dev.stele.it.cdc.types.Mood;
import dev.stele.replication.ProjectionOptions;
import dev.stele.replication.ProjectionRunner;
import dev.stele.replication.ProjectionStatus;
import dev.stele.replication.ReplicationConnection;
import dev.stele.store.EventStore;
import dev.stele.store.EventStoreOptions;
import dev.stele.test.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The same row changes of {@code public.it_every_type}, read once by the real Debezium engine (started from the
 * settings {@link DebeziumConnectorConfig} writes: default handling modes, schema envelope on) and mapped by
 * {@link DebeziumChanges}, and once through Stele's own slot by a {@link ProjectionRunner} feeding
 * {@link EveryTypeCollector}, give equal {@link EveryTypeRow} records, component by component, equal to the row
 * written. Values range over what both paths can carry (see {@link #rows()}).
 *
 * <p>The database, the engine and the runner start once for the whole class ({@link Fixture}), and everything
 * they made is dropped in {@link #stopAndDropEverything()}.
 */
class BothPathsAgreeProperties {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final AtomicLong IDS = new AtomicLong();
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    @Property(tries = 120)
    void anInsertedRowMapsToTheSameRecordOnBothPaths(@ForAll("rows") EveryTypeRow generated) throws Exception {
        EveryTypeRow row = withId(generated, IDS.incrementAndGet());
        Fixture fixture = Fixture.get();

        EveryTypeTable.insert(fixture.sql, row);

        Mapped mapped = fixture.debeziumRecord(row.id(), any -> true);
        EveryTypeRow viaDebezium = mapped.defaults();
        EveryTypeRow viaSlot = fixture.slotRecord(row.id(), any -> true);
        assertThat(JSON.readTree(viaDebezium.doc())).as("doc, as JSON").isEqualTo(JSON.readTree(row.doc()));
        EveryTypeRow written = expected(row, viaDebezium.doc());
        List<String> differences = new ArrayList<>(differences("Debezium", viaDebezium, "the slot", viaSlot));
        differences.addAll(differences("Debezium", viaDebezium, "the row written", written));
        differences.addAll(differences("the slot", viaSlot, "the row written", written));
        differences.addAll(differences("Debezium", viaDebezium, "Debezium read as string/hex", mapped.stringHex()));
        assertThat(differences).as("components of row %d that differ", row.id()).isEmpty();
    }

    @Example
    void anUpdatedRowMapsToTheSameRecordOnBothPaths() throws Exception {
        Fixture fixture = Fixture.get();
        EveryTypeRow row = withId(EveryTypeTable.edgeRow(1, false), IDS.incrementAndGet());
        EveryTypeTable.insert(fixture.sql, row);
        try (PreparedStatement update = fixture.sql.prepareStatement("UPDATE " + EveryTypeTable.TABLE
                + " SET name = ?, amount = amount + 1, tags = ?, note = NULL, tz = tz - interval '24 hours' WHERE id = ?")) {
            update.setString(1, "renamed ✓ \"again\"");
            update.setArray(2, fixture.sql.createArrayOf("text", new Object[] {"{x}", "\\", "NULL", "a, b"}));
            update.setLong(3, row.id());
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        EveryTypeRow updated = new EveryTypeRow(row.id(), row.flag(), row.small(), row.count(), row.realValue(),
                row.doubleValue(), row.amount().add(BigDecimal.ONE), row.freeAmount(), "renamed ✓ \"again\"", row.code(),
                row.tz().minus(1, ChronoUnit.DAYS), row.ts(), row.day(), row.ref(), row.doc(), row.raw(), row.mood(),
                List.of("{x}", "\\", "NULL", "a, b"), row.numbers(), Optional.empty());

        Predicate<EveryTypeRow> renamed = record -> record.name().equals(updated.name());
        Mapped mapped = fixture.debeziumRecord(row.id(), renamed);
        EveryTypeRow viaDebezium = mapped.defaults();
        EveryTypeRow viaSlot = fixture.slotRecord(row.id(), renamed);
        assertSameComponents("Debezium", viaDebezium, "the slot", viaSlot);
        assertSameComponents("Debezium", viaDebezium, "Debezium read as string/hex", mapped.stringHex());
        assertSameComponents("Debezium", viaDebezium, "the row updated", expected(updated, updated.doc()));
    }

    @AfterContainer
    static void stopAndDropEverything() throws Exception {
        Fixture.closeIfStarted();
    }

    // ---------------------------------------------------------------- generators

    /**
     * Rows over each column's range as both paths carry it. Dates start in 1583: Debezium 3.6.1 writes a date
     * before the Gregorian calendar's start (1582-10-15) through {@code java.sql.Date}'s Julian calendar as
     * another day, which no mapping can undo; the slot's text would be right, so the paths would differ on
     * Debezium's side. Timestamps stay within what a Stele event holds (1678 to 2261: nanoseconds of a long),
     * at PostgreSQL's microsecond precision. Text holds no NUL, which PostgreSQL text cannot store; a name is now
     * and then long enough (up to 160 kB of UTF-8) to be stored compressed or out of line.
     */
    @Provide
    Arbitrary<EveryTypeRow> rows() {
        return Builders.withBuilder(RowBuilder::new)
                .use(Arbitraries.of(true, false)).in((b, v) -> b.with(() -> b.flag = v))
                .use(Arbitraries.integers().between(Short.MIN_VALUE, Short.MAX_VALUE)).in((b, v) -> b.with(() -> b.small = v))
                .use(Arbitraries.integers()).in((b, v) -> b.with(() -> b.count = v))
                .use(floats()).in((b, v) -> b.with(() -> b.realValue = v))
                .use(doubles()).in((b, v) -> b.with(() -> b.doubleValue = v))
                .use(decimals(20, 6, 6)).in((b, v) -> b.with(() -> b.amount = v))
                .use(Arbitraries.integers().between(0, 12).flatMap(scale -> decimals(38, 12, scale)))
                .in((b, v) -> b.with(() -> b.freeAmount = v))
                .use(Arbitraries.frequencyOf(Tuple.of(9, text(40)), Tuple.of(1, text(40).map(t -> t.repeat(300)))))
                .in((b, v) -> b.with(() -> b.name = v))
                .use(text(10)).in((b, v) -> b.with(() -> b.code = v))
                .use(micros(Instant.parse("1678-01-01T00:00:00Z"), Instant.parse("2261-12-31T23:59:59.999999Z")))
                .in((b, v) -> b.with(() -> b.tz = v))
                .use(micros(Instant.parse("1678-01-01T00:00:00Z"), Instant.parse("2261-12-31T23:59:59.999999Z"))
                        .map(instant -> LocalDateTime.ofInstant(instant, ZoneOffset.UTC))).in((b, v) -> b.with(() -> b.ts = v))
                .use(Arbitraries.longs().between(LocalDate.of(1583, 1, 1).toEpochDay(),
                        LocalDate.of(9999, 12, 31).toEpochDay()).map(LocalDate::ofEpochDay)).in((b, v) -> b.with(() -> b.day = v))
                .use(Arbitraries.randomValue(random -> new UUID(random.nextLong(), random.nextLong())))
                .in((b, v) -> b.with(() -> b.ref = v))
                .use(jsonObjects()).in((b, v) -> b.with(() -> b.doc = v))
                .use(Arbitraries.bytes().array(byte[].class).ofMaxSize(40)).in((b, v) -> b.with(() -> b.raw = v))
                .use(Arbitraries.of(Mood.class)).in((b, v) -> b.with(() -> b.mood = v))
                .use(arrayText().list().ofMaxSize(6)).in((b, v) -> b.with(() -> b.tags = v))
                .use(Arbitraries.longs().list().ofMaxSize(6)).in((b, v) -> b.with(() -> b.numbers = v))
                .use(text(20).optional(0.5)).in((b, v) -> b.with(() -> b.note = v))
                .build(RowBuilder::build);
    }

    /** Every finite float: any bit pattern (subnormals, -0.0), plus jqwik's own spread of ordinary values. */
    private static Arbitrary<Float> floats() {
        return Arbitraries.oneOf(Arbitraries.integers().map(Float::intBitsToFloat).filter(Float::isFinite),
                Arbitraries.floats().between(-1e6f, 1e6f).ofScale(3),
                Arbitraries.of(-0.0f, Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_NORMAL, 0.1f));
    }

    private static Arbitrary<Double> doubles() {
        return Arbitraries.oneOf(Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite),
                Arbitraries.doubles().between(-1e9, 1e9).ofScale(6),
                Arbitraries.of(-0.0, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL, 0.1));
    }

    /** Decimals of up to {@code precision} digits at {@code scale}, of every magnitude (up to {@code maxScale}). */
    private static Arbitrary<BigDecimal> decimals(int precision, int maxScale, int scale) {
        int digits = precision - maxScale + scale;
        return Arbitraries.integers().between(1, digits).flatMap(length -> Arbitraries.strings().numeric()
                .ofLength(length)).flatMap(unscaled -> Arbitraries.of(1, -1)
                .map(sign -> new BigDecimal(new BigInteger(unscaled).multiply(BigInteger.valueOf(sign)), scale)));
    }

    /** Any unicode text of up to {@code max} code points, without NUL and lone surrogates. */
    private static Arbitrary<String> text(int max) {
        Arbitrary<Integer> codePoints = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.integers().between(0x20, 0x7e)),
                Tuple.of(2, Arbitraries.integers().between(1, 0x1f)),
                Tuple.of(3, Arbitraries.integers().between(0x80, 0xffff)),
                Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10ffff)));
        return codePoints.filter(cp -> cp < 0xd800 || cp > 0xdfff).list().ofMaxSize(max)
                .map(list -> list.stream().collect(StringBuilder::new, StringBuilder::appendCodePoint,
                        StringBuilder::append).toString());
    }

    /** Array elements: any text, and the ones an array's text form must quote or escape. */
    private static Arbitrary<String> arrayText() {
        return Arbitraries.oneOf(text(12), Arbitraries.of("", "NULL", "null", "a,b", "\"", "\\", "{", "}", "{a,b}",
                " padded ", "\\\"", "x\\y\"z", "ü \"q\", {b}"));
    }

    private static Arbitrary<Instant> micros(Instant from, Instant to) {
        long first = ChronoUnit.MICROS.between(Instant.EPOCH, from);
        long last = ChronoUnit.MICROS.between(Instant.EPOCH, to);
        return Arbitraries.longs().between(first, last).map(micros -> Instant.EPOCH.plus(micros, ChronoUnit.MICROS));
    }

    /** Small JSON objects: scalars of each kind, arrays and one level of nesting; keys and strings any text. */
    private static Arbitrary<String> jsonObjects() {
        Arbitrary<Object> scalar = Arbitraries.oneOf(text(8).map(Object.class::cast),
                Arbitraries.longs().map(Object.class::cast), decimals(20, 6, 3).map(Object.class::cast),
                Arbitraries.of(true, false).map(Object.class::cast), Arbitraries.just(null));
        Arbitrary<Object> value = Arbitraries.oneOf(scalar, scalar.list().ofMaxSize(3).map(Object.class::cast),
                Arbitraries.maps(text(6), scalar).ofMaxSize(3).map(Object.class::cast));
        return Arbitraries.maps(text(8), value).ofMaxSize(4).map(map -> {
            try {
                return JSON.writeValueAsString(map);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static final class RowBuilder {
        boolean flag;
        int small;
        int count;
        float realValue;
        double doubleValue;
        BigDecimal amount;
        BigDecimal freeAmount;
        String name;
        String code;
        Instant tz;
        LocalDateTime ts;
        LocalDate day;
        UUID ref;
        String doc;
        byte[] raw;
        Mood mood;
        List<String> tags;
        List<Long> numbers;
        Optional<String> note;

        RowBuilder with(Runnable set) {
            set.run();
            return this;
        }

        EveryTypeRow build() {
            return new EveryTypeRow(0, flag, small, count, realValue, doubleValue, amount, freeAmount, name, code, tz,
                    ts, day, ref, doc, raw, mood, tags, numbers, note);
        }
    }

    // ---------------------------------------------------------------- comparing

    private static EveryTypeRow withId(EveryTypeRow row, long id) {
        return new EveryTypeRow(id, row.flag(), row.small(), row.count(), row.realValue(), row.doubleValue(),
                row.amount(), row.freeAmount(), row.name(), row.code(), row.tz(), row.ts(), row.day(), row.ref(),
                row.doc(), row.raw(), row.mood(), row.tags(), row.numbers(), row.note());
    }

    /**
     * The record a row written as {@code row} should map to: the unconstrained numeric at the {@code @Decimal}'s
     * scale, the jsonb's text {@code doc} (jsonb orders keys and spaces its text its own way: the JSON itself is
     * compared on its own).
     */
    private static EveryTypeRow expected(EveryTypeRow row, String doc) {
        return new EveryTypeRow(row.id(), row.flag(), row.small(), row.count(), row.realValue(), row.doubleValue(),
                row.amount(), row.freeAmount().setScale(12), row.name(), row.code(), row.tz(), row.ts(), row.day(),
                row.ref(), doc, row.raw(), row.mood(), row.tags(), row.numbers(), row.note());
    }

    /** Every component of {@code a} equals {@code b}'s (arrays by content), else a failure listing each that differs. */
    private static void assertSameComponents(String aName, EveryTypeRow a, String bName, EveryTypeRow b) {
        assertThat(differences(aName, a, bName, b)).as("components of row %d that differ", a.id()).isEmpty();
    }

    private static List<String> differences(String aName, EveryTypeRow a, String bName, EveryTypeRow b) {
        List<String> differences = new ArrayList<>();
        for (RecordComponent component : EveryTypeRow.class.getRecordComponents()) {
            Object x = value(component, a);
            Object y = value(component, b);
            boolean same = x instanceof byte[] xs && y instanceof byte[] ys ? Arrays.equals(xs, ys) : Objects.equals(x, y);
            if (!same) {
                differences.add(component.getName() + ": " + aName + " " + show(x) + ", " + bName + " " + show(y));
            }
        }
        return differences;
    }

    private static Object value(RecordComponent component, EveryTypeRow row) {
        try {
            return component.getAccessor().invoke(row);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String show(Object value) {
        if (value instanceof byte[] bytes) {
            return Arrays.toString(bytes);
        }
        if (value instanceof String text) {
            return "\"" + text.codePoints().mapToObj(cp -> cp < 0x20 || cp > 0x7e ? String.format("\\u{%x}", cp)
                    : Character.toString(cp)).collect(Collectors.joining()) + "\"";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(BothPathsAgreeProperties::show).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Optional<?> optional) {
            return optional.map(present -> "Optional[" + show(present) + "]").orElse("Optional.empty");
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString() + " (scale " + decimal.scale() + ")";
        }
        if (value instanceof Float f) {
            return f + " (bits " + Integer.toHexString(Float.floatToRawIntBits(f)) + ")";
        }
        if (value instanceof Double d) {
            return d + " (bits " + Long.toHexString(Double.doubleToRawLongBits(d)) + ")";
        }
        return String.valueOf(value);
    }

    // ---------------------------------------------------------------- the engine and the runner, once

    /**
     * One value of Debezium's engine, mapped by {@link DebeziumChanges} under the default settings the engine ran
     * with, and under {@code decimal.handling.mode=string} and {@code binary.handling.mode=hex}: with the schema
     * envelope on, the schema names the logical types, so the other settings should read it alike.
     */
    private record Mapped(EveryTypeRow defaults, EveryTypeRow stringHex) {
    }

    /** The table, Debezium's engine on its own slot and the runner on Stele's; made on first use, once. */
    private static final class Fixture {

        private static final Catalog CATALOG = Catalog.load();
        private static final DataSource DATA_SOURCE = TestDatabase.dataSource();
        private static final String SUFFIX = "_" + ProcessHandle.current().pid();
        private static final String DEBEZIUM_SLOT = "it_agree_dbz" + SUFFIX;
        private static final String DEBEZIUM_PUBLICATION = "it_agree_dbz_pub" + SUFFIX;
        private static final String STELE_SLOT = "it_agree_stele" + SUFFIX;
        private static final String SCHEMA = "cdc_agree" + SUFFIX;
        private static Fixture started;

        final Connection sql;
        private final EmbeddedDebezium engine;
        private final DebeziumChanges changes = DebeziumChanges.of(CATALOG, DebeziumSettings.defaults());
        private final DebeziumChanges stringHexChanges = DebeziumChanges.of(CATALOG, new DebeziumSettings(
                DebeziumSettings.defaults().timePrecision(), DecimalHandlingMode.STRING, BinaryHandlingMode.HEX));
        private final Map<Long, List<Mapped>> fromDebezium = new ConcurrentHashMap<>();
        private final EveryTypeCollector collector = new EveryTypeCollector();
        private final ProjectionRunner runner;

        private Fixture() throws Exception {
            sql = DATA_SOURCE.getConnection();
            EveryTypeTable.create(sql);
            EmbeddedDebezium.createSlotAndPublication(sql, DEBEZIUM_SLOT, DEBEZIUM_PUBLICATION, EveryTypeTable.TABLE);
            engine = EmbeddedDebezium.start(debeziumProperties());
            EventStoreOptions options = EventStoreOptions.defaults().withSchema(SCHEMA);
            ProjectionRunner built = null;
            try {
                EventStore.create(DATA_SOURCE, CATALOG, options);
                built = ProjectionRunner.builder(DATA_SOURCE, ReplicationConnection.of(TestDatabase.jdbcUrl()))
                        .slot(STELE_SLOT).catalog(CATALOG).storeOptions(options)
                        .projection(collector, ProjectionOptions.defaults()).build();
                built.start();
                long deadline = System.nanoTime() + TIMEOUT.toNanos();
                while (built.status().projection("it-every-type-collector").map(ProjectionStatus::state)
                        .orElse(null) != ProjectionStatus.State.LIVE) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("the runner is not live within " + TIMEOUT + ": " + built.status());
                    }
                    Thread.sleep(20);
                }
            } catch (Exception | AssertionError e) {
                try {
                    if (built != null) {
                        built.close();
                    }
                    engine.close();
                    sql.close();
                } catch (Exception stopping) {
                    e.addSuppressed(stopping);
                }
                throw e;
            }
            runner = built;
        }

        static synchronized Fixture get() throws Exception {
            if (started == null) {
                try {
                    started = new Fixture();
                } catch (Exception | AssertionError e) {
                    try (Connection connection = DATA_SOURCE.getConnection()) {
                        dropEverything(connection);
                    } catch (Exception cleanup) {
                        e.addSuppressed(cleanup);
                    }
                    throw e;
                }
            }
            return started;
        }

        static synchronized void closeIfStarted() throws Exception {
            if (started != null) {
                started.close();
                started = null;
            }
        }

        /** The generated connector settings as they are, but the connection and the converters (see below). */
        private static Properties debeziumProperties() {
            Map<String, String> generated = DebeziumConnectorConfig.defaults().withSlot(DEBEZIUM_SLOT)
                    .withPublication(DEBEZIUM_PUBLICATION).withSettings(DebeziumSettings.defaults()).withSchemas(true)
                    .forTables(TableIndex.of(CATALOG.tableMappings().stream()
                            .filter(mapping -> mapping.table().equals(EveryTypeTable.TABLE))
                            .collect(Collectors.toList())));
            Properties properties = EmbeddedDebezium.properties("it-agree", DEBEZIUM_SLOT, DEBEZIUM_PUBLICATION);
            // the engine's Json format takes the JSON converter's settings under "converter.", not "value.converter."
            generated.forEach((key, value) -> {
                if (!key.startsWith("database.") && !key.contains("converter")) {
                    properties.setProperty(key, value);
                }
            });
            properties.setProperty("converter.schemas.enable", generated.get("value.converter.schemas.enable"));
            return properties;
        }

        /**
         * The first record Debezium's engine gave for row {@code id} that {@code wanted} accepts, mapped under the
         * settings it ran with and once more under string decimals and hex bytes.
         */
        Mapped debeziumRecord(long id, Predicate<EveryTypeRow> wanted) throws Exception {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (true) {
                Optional<Mapped> found = fromDebezium.getOrDefault(id, List.of()).stream()
                        .filter(mapped -> wanted.test(mapped.defaults())).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no record of row " + id + " from Debezium within " + TIMEOUT);
                }
                int pending = Math.max(1, engine.pending());
                for (EmbeddedDebezium.Captured captured : engine.await(pending, TIMEOUT)) {
                    TableChange change = changes.read(captured.value());
                    if (change instanceof RowChange row && row.event() instanceof EveryTypeRow record) {
                        EveryTypeRow stringHex = ((RowChange) stringHexChanges.read(captured.value()))
                                .event(EveryTypeRow.class);
                        fromDebezium.computeIfAbsent(record.id(), any -> new CopyOnWriteArrayList<>())
                                .add(new Mapped(record, stringHex));
                    }
                }
            }
        }

        /** The first record the slot's projection received for row {@code id} that {@code wanted} accepts. */
        EveryTypeRow slotRecord(long id, Predicate<EveryTypeRow> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (true) {
                Optional<EveryTypeRow> found = collector.received(id).stream().filter(wanted).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no record of row " + id + " through the slot within " + TIMEOUT + ": "
                            + runner.status());
                }
                Thread.sleep(2);
            }
        }

        private void close() throws Exception {
            try (Connection connection = sql) {
                try {
                    runner.close();
                } finally {
                    engine.close();
                }
                dropEverything(connection);
            }
        }

        /** Both slots and publications (once their WAL senders let go), the table and the store's schema. */
        private static void dropEverything(Connection connection) throws Exception {
            EmbeddedDebezium.dropSlotAndPublication(connection, DEBEZIUM_SLOT, DEBEZIUM_PUBLICATION);
            EmbeddedDebezium.dropSlotAndPublication(connection, STELE_SLOT, STELE_SLOT);
            EveryTypeTable.drop(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            }
        }
    }
}
