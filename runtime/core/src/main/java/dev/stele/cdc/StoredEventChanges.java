package dev.stele.cdc;

import dev.stele.catalog.Catalog;
import dev.stele.cdc.internal.StoredEventMapper;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Debezium's change events of Stele's own events table ({@code stele_events}), as typed events: for a team
 * whose Debezium connector captures the events table itself rather than the outbox through the Outbox Event
 * Router ({@link OutboxRouterRecords}).
 *
 * <pre>{@code
 * StoredEventChanges events = StoredEventChanges.of(Catalog.load());           // public.stele_events
 * TableChange change = events.read(record.value());
 * if (change instanceof RowChange row && row.event() instanceof StoredEvent stored) {
 *     stored.event();          // the latest version's record, upcast from stored.storedVersion()
 * }
 * }</pre>
 *
 * <p>An insert ({@code op c}) or a snapshot read ({@code r}) of the events table is a {@link RowChange} whose event
 * is a {@link StoredEvent}; events are never updated, so any other change of it, and any change of another table,
 * is a {@link SkippedChange} ({@code NOT_MAPPED}); a tombstone is one too ({@code TOMBSTONE}); a logical decoding
 * message is handed on. Both of the JSON converter's forms are read. A payload the catalog cannot read is its
 * typed error ({@code UnknownEventException}, {@code EventDecodingException}); a change event that is not one is a
 * {@link MalformedChangeException}. Immutable and safe to share between threads.
 */
public final class StoredEventChanges {

    private final StoredEventMapper mapper;

    private StoredEventChanges(Catalog catalog, String table) {
        this.mapper = new StoredEventMapper(catalog, table);
    }

    /** The events of {@code public.stele_events}, read through {@code catalog}. */
    public static StoredEventChanges of(Catalog catalog) {
        return new StoredEventChanges(Objects.requireNonNull(catalog, "catalog"), "public.stele_events");
    }

    /** The same for an events table elsewhere, such as {@code orders.stele_events}. */
    public StoredEventChanges withTable(String schemaTable) {
        if (!schemaTable.matches("[a-z_][a-z0-9_$]{0,62}\\.[a-z_][a-z0-9_$]{0,62}")) {
            throw new IllegalArgumentException("'" + schemaTable + "' is not schema.table of lower-case identifiers");
        }
        return new StoredEventChanges(mapper.catalog(), schemaTable);
    }

    /**
     * The change in {@code value}, the UTF-8 JSON of a Debezium change event; a null value is a tombstone.
     *
     * @throws MalformedChangeException if {@code value} is not such a change event, or an insert lacks a column
     * @throws dev.stele.catalog.UnknownEventException if the catalog knows no event of its name and version
     * @throws dev.stele.catalog.EventDecodingException if its payload is not that event
     */
    public TableChange read(byte[] value) {
        return mapper.map(value);
    }

    /** {@link #read(byte[])} of text, as a Debezium engine with {@code Json} format hands it. */
    public TableChange read(String value) {
        return mapper.map(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }
}
