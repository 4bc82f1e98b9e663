package dev.stele.it.cdc.agree;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stele.cdc.DebeziumChanges;
import dev.stele.cdc.DebeziumConnectorConfig;
import dev.stele.it.cdc.types.EveryTypeRow;
import dev.stele.it.cdc.types.EveryTypeTable;
import dev.stele.replication.ProjectionRunner;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The same row changes of {@code public.it_every_type}, read once by the real Debezium engine (started from the
 * settings {@link DebeziumConnectorConfig} writes: default handling modes, schema envelope on) and mapped by
 * {@link DebeziumChanges}, and once through Stele's own slot by a {@link ProjectionRunner} feeding
 * {@link EveryTypeCollector}, give equal {@link EveryTypeRow} records, component by component, equal to the row
 * written. Values range over what both paths can carry (see {@link #rows()}).
 *
 * <p>The database, the engine and the runner start once for the whole class ({@link BothPaths.Fixture}), and everything
 * they made is dropped in {@link #stopAndDropEverything()}.
 */
class BothPathsAgreeProperties {

    private static final AtomicLong IDS = new AtomicLong();
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    @Property(tries = 120)
    void anInsertedRowMapsToTheSameRecordOnBothPaths(@ForAll("rows") EveryTypeRow generated) throws Exception {
        EveryTypeRow row = withId(generated, IDS.incrementAndGet());
        BothPaths.Fixture fixture = BothPaths.Fixture.get();

        EveryTypeTable.insert(fixture.sql, row);

        BothPaths.Mapped mapped = fixture.debeziumRecord(row.id(), any -> true);
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
        BothPaths.Fixture fixture = BothPaths.Fixture.get();
        EveryTypeRow row = withId(EveryTypeTable.edgeRow(1, false), IDS.incrementAndGet());
        EveryTypeTable.insert(fixture.sql, row);
        try (PreparedStatement update = fixture.sql.prepareStatement("UPDATE " + EveryTypeTable.TABLE
                + " SET name = ?, amount = amount + 1, tags = ?, note = NULL, tz = tz - interval '24 hours'"
                + " WHERE id = ?")) {
            update.setString(1, "renamed ✓ \"again\"");
            update.setArray(2, fixture.sql.createArrayOf("text", new Object[] {"{x}", "\\", "NULL", "a, b"}));
            update.setLong(3, row.id());
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        EveryTypeRow updated = new EveryTypeRow(row.id(), row.flag(), row.small(), row.count(), row.realValue(),
                row.doubleValue(), row.amount().add(BigDecimal.ONE), row.freeAmount(), "renamed ✓ \"again\"",
                row.code(),
                row.tz().minus(1, ChronoUnit.DAYS), row.ts(), row.day(), row.ref(), row.doc(), row.raw(), row.mood(),
                List.of("{x}", "\\", "NULL", "a, b"), row.numbers(), Optional.empty());

        Predicate<EveryTypeRow> renamed = record -> record.name().equals(updated.name());
        BothPaths.Mapped mapped = fixture.debeziumRecord(row.id(), renamed);
        EveryTypeRow viaDebezium = mapped.defaults();
        EveryTypeRow viaSlot = fixture.slotRecord(row.id(), renamed);
        assertSameComponents("Debezium", viaDebezium, "the slot", viaSlot);
        assertSameComponents("Debezium", viaDebezium, "Debezium read as string/hex", mapped.stringHex());
        assertSameComponents("Debezium", viaDebezium, "the row updated", expected(updated, updated.doc()));
    }

    @AfterContainer
    static void stopAndDropEverything() throws Exception {
        BothPaths.Fixture.closeIfStarted();
    }

    /** Rows of random values: see {@link EveryTypeRows#rows()}. */
    @Provide
    Arbitrary<EveryTypeRow> rows() {
        return EveryTypeRows.rows();
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

    /** Every component of {@code a} equals {@code b}'s (arrays by content); else a failure naming those that differ. */
    private static void assertSameComponents(String aName, EveryTypeRow a, String bName, EveryTypeRow b) {
        assertThat(differences(aName, a, bName, b)).as("components of row %d that differ", a.id()).isEmpty();
    }

    private static List<String> differences(String aName, EveryTypeRow a, String bName, EveryTypeRow b) {
        List<String> differences = new ArrayList<>();
        for (RecordComponent component : EveryTypeRow.class.getRecordComponents()) {
            Object x = value(component, a);
            Object y = value(component, b);
            boolean same = x instanceof byte[] xs && y instanceof byte[] ys ? Arrays.equals(xs, ys)
                    : Objects.equals(x, y);
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

}
