package dev.stele.cdc.internal;

import dev.stele.annotation.Operation;
import dev.stele.catalog.Catalog;
import dev.stele.cdc.ChangeSource;
import dev.stele.cdc.MalformedChangeException;
import dev.stele.cdc.RowChange;
import dev.stele.cdc.SkippedChange;
import dev.stele.cdc.StoredEvent;
import dev.stele.cdc.TableChange;
import java.util.Optional;
import java.util.UUID;

/** A Debezium change event of Stele's events table to its {@link StoredEvent}, through the catalog. */
public final class StoredEventMapper {

    private final Catalog catalog;
    private final String table;
    private final SchemaCache schemas = new SchemaCache();

    public StoredEventMapper(Catalog catalog, String table) {
        this.catalog = catalog;
        this.table = table;
    }

    public Catalog catalog() {
        return catalog;
    }

    public TableChange map(byte[] value) {
        if (value == null) {
            return ChangeEnvelope.tombstone();
        }
        ChangeEnvelope event = ChangeEnvelope.read(value, schemas);
        String changed = event.table();
        if (event.op == null) {
            throw new MalformedChangeException("payload.op", changed, "the event has no op; expected c, u, d, r, t or m");
        }
        ChangeSource source = event.source();
        if (event.op.equals("m")) {
            return event.logicalMessage(source);
        }
        Operation operation = DebeziumJsonMapper.operation(event.op, changed);
        if (!table.equals(changed) || (operation != Operation.INSERT && operation != Operation.SNAPSHOT)) {
            return new SkippedChange(SkippedChange.Reason.NOT_MAPPED, Optional.of(operation), source);
        }
        if (event.after == null) {
            throw new MalformedChangeException("payload.after", changed, "an insert into the events table without"
                    + " its new row");
        }
        JsonRow row = event.after;
        String name = text(row, "event_name", changed);
        long version = number(row, "event_version", changed);
        if (version < 1 || version > Integer.MAX_VALUE) {
            throw new MalformedChangeException("payload.after.event_version", changed, version
                    + " is not an event version");
        }
        UUID eventId;
        try {
            eventId = UUID.fromString(text(row, "event_id", changed));
        } catch (IllegalArgumentException e) {
            throw new MalformedChangeException("payload.after.event_id", changed, "not a UUID");
        }
        Object decoded = catalog.fromJson(name, (int) version, text(row, "payload", changed));
        StoredEvent stored = new StoredEvent(eventId, number(row, "global_position", changed),
                text(row, "stream_category", changed), text(row, "stream_id", changed),
                number(row, "stream_version", changed), name, (int) version, decoded);
        return new RowChange(operation, stored, source);
    }

    private static String text(JsonRow row, String column, String table) {
        int at = row.indexOf(column, 0);
        if (at < 0 || !(row.raw(at) instanceof String text)) {
            throw new MalformedChangeException("payload.after." + column, table, at < 0 ? "the row has no " + column
                    : "expected text, found " + JsonValues.describe(row.value(at)));
        }
        return text;
    }

    private static long number(JsonRow row, String column, String table) {
        int at = row.indexOf(column, 0);
        if (at < 0 || row.raw(at) != JsonRow.LONG) {
            throw new MalformedChangeException("payload.after." + column, table, at < 0 ? "the row has no " + column
                    : "expected an integer, found " + JsonValues.describe(row.value(at)));
        }
        return row.longValue(at);
    }
}
