package dev.stele.cdc;

import dev.stele.catalog.Catalog;
import dev.stele.cdc.internal.DebeziumJsonMapper;
import dev.stele.cdc.internal.MappingIndex;
import dev.stele.spi.TableMapping;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Debezium's JSON change events of {@code @FromTable} tables, as typed records: the value of a record on a
 * Debezium topic, or of a Debezium engine's {@code ChangeEvent}, in; a {@link TableChange} out.
 *
 * <pre>{@code
 * DebeziumChanges changes = DebeziumChanges.of(Catalog.load());
 * for (ConsumerRecord<byte[], byte[]> record : consumer.poll(timeout)) {
 *     TableChange change = changes.read(record.value());
 *     if (change instanceof RowChange row && row.event() instanceof CustomerRegistered registered) { … }
 * }
 * }</pre>
 *
 * <p>Reads both forms the JSON converter writes: with the schema envelope ({@code schemas.enable=true}), where the
 * schema's logical types decide each column's conversion and a column whose type the component cannot take is
 * refused before any value is mapped; and without it, where the component's type and the {@link DebeziumSettings}
 * decide. One pass of Jackson's streaming parser, no tree.
 *
 * <p>Guarantees: a change is mapped into the record declared for its table and operation, or it is a
 * {@link SkippedChange} saying why (a tombstone, a table or operation no record is declared for), or a
 * {@link LogicalMessage} handed on; never silently dropped. A value is converted exactly or refused: a
 * {@link ChangeEventException} names the table, column, record component, log position and reason (missing,
 * null, retyped, out of range, inexact, Debezium's placeholder for an unavailable TOASTed value); a
 * {@link MalformedChangeException} names where an event that is not a change event went wrong. Nothing else is
 * thrown for any input. Instances are immutable and safe to share between threads.
 */
public final class DebeziumChanges {

    private final DebeziumJsonMapper mapper;

    private DebeziumChanges(List<? extends TableMapping<?>> mappings, DebeziumSettings settings) {
        this.mapper = new DebeziumJsonMapper(new MappingIndex(mappings), Objects.requireNonNull(settings, "settings"));
    }

    /** Every {@code @FromTable} record of {@code catalog}, for a connector with Debezium's default settings. */
    public static DebeziumChanges of(Catalog catalog) {
        return of(catalog, DebeziumSettings.defaults());
    }

    /**
     * Every {@code @FromTable} record of {@code catalog}, for a connector with {@code settings}.
     *
     * @throws IllegalArgumentException if two records on the class path map the same table and operation
     */
    public static DebeziumChanges of(Catalog catalog, DebeziumSettings settings) {
        return new DebeziumChanges(catalog.tableMappings(), settings);
    }

    /**
     * Exactly {@code mappings}, for a connector with {@code settings}.
     *
     * @throws IllegalArgumentException if two of them map the same table and operation
     */
    public static DebeziumChanges of(List<? extends TableMapping<?>> mappings, DebeziumSettings settings) {
        return new DebeziumChanges(List.copyOf(mappings), settings);
    }

    /**
     * The change in {@code value}, the UTF-8 JSON of a Debezium change event; a null value is a tombstone.
     *
     * @throws ChangeEventException if a column cannot be read into its component
     * @throws MalformedChangeException if {@code value} is not a change event Debezium writes
     */
    public TableChange read(byte[] value) {
        return mapper.map(value);
    }

    /** {@link #read(byte[])} of text, as a Debezium engine with {@code Json} format hands it. */
    public TableChange read(String value) {
        return mapper.map(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }
}
