package dev.stele.cdc.internal;

import dev.stele.annotation.Operation;
import dev.stele.cdc.ChangeEventException;
import dev.stele.cdc.ChangeSource;
import dev.stele.cdc.DebeziumSettings;
import dev.stele.cdc.MalformedChangeException;
import dev.stele.cdc.RowChange;
import dev.stele.cdc.SkippedChange;
import dev.stele.cdc.TableChange;
import dev.stele.spi.TableMapping;
import java.util.Optional;

/** A Debezium JSON change event to its {@link TableChange}, through the mappings of its table. */
public final class DebeziumJsonMapper {

    private final MappingIndex mappings;
    private final DebeziumSettings settings;
    private final SchemaCache schemas = new SchemaCache();

    public DebeziumJsonMapper(MappingIndex mappings, DebeziumSettings settings) {
        this.mappings = mappings;
        this.settings = settings;
    }

    public TableChange map(byte[] value) {
        if (value == null) {
            return ChangeEnvelope.tombstone();
        }
        ChangeEnvelope event = ChangeEnvelope.read(value, schemas);
        String table = event.table();
        if (event.op == null) {
            throw new MalformedChangeException("payload.op", table, "the event has no op; expected c, u, d, r, t or m");
        }
        ChangeSource source = event.source();
        if (event.op.equals("m")) {
            return event.logicalMessage(source);
        }
        Operation operation = operation(event.op, table);
        if (table == null) {
            throw new MalformedChangeException("payload.source", null, "the event does not say its table"
                    + " (source.schema and source.table)");
        }
        TableMapping<?> mapping = mappings.find(table, operation);
        if (mapping == null) {
            return new SkippedChange(SkippedChange.Reason.NOT_MAPPED, Optional.of(operation), source);
        }
        JsonRow row = row(event, operation, table);
        EnvelopeSchema schema = event.schema;
        boolean old = operation == Operation.DELETE;
        JsonChangeRow changeRow = new JsonChangeRow(mappings.plan(mapping), row, schema == null ? null
                : old ? schema.before() : schema.after(), settings, table, operation);
        try {
            if (operation != Operation.TRUNCATE) {
                changeRow.checkColumns(schema == null ? null : old ? schema.checkedBefore() : schema.checkedAfter());
            }
            return new RowChange(operation, mapping.map(changeRow), source);
        } catch (ChangeEventException e) {
            throw source.lsn().map(e::at).orElse(e);
        }
    }

    private static JsonRow row(ChangeEnvelope event, Operation operation, String table) {
        return switch (operation) {
            case INSERT, UPDATE, SNAPSHOT -> {
                if (event.after == null) {
                    throw new MalformedChangeException("payload.after", table, (event.sawAfter ? "after is null"
                            : "there is no after") + " in a change of op " + event.op + ", which needs the new row");
                }
                yield event.after;
            }
            case DELETE -> {
                if (event.before == null) {
                    throw new MalformedChangeException("payload.before", table, (event.sawBefore ? "before is null"
                            : "there is no before") + " in a delete, which needs the old row's key");
                }
                yield event.before;
            }
            case TRUNCATE -> JsonRow.empty();
        };
    }

    static Operation operation(String op, String table) {
        return switch (op) {
            case "c" -> Operation.INSERT;
            case "u" -> Operation.UPDATE;
            case "d" -> Operation.DELETE;
            case "r" -> Operation.SNAPSHOT;
            case "t" -> Operation.TRUNCATE;
            default -> throw new MalformedChangeException("payload.op", table, "unknown op '" + op
                    + "'; Debezium writes c, u, d, r, t and m");
        };
    }
}
