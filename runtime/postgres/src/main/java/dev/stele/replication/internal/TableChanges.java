package dev.stele.replication.internal;

import dev.stele.SteleException;
import dev.stele.annotation.Operation;
import dev.stele.catalog.Catalog;
import dev.stele.cdc.ChangeEventException;
import dev.stele.projection.Lsn;
import dev.stele.spi.TableMapping;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Changes of the {@code @FromTable} tables the slot publishes, as the {@link SourceEvent}s projections receive:
 * each row mapped into its record on the reader's thread, which travels, is applied, parked and counted as a stored
 * event is, without being encoded and decoded again. Its stream is the table, its stream id the row's key; its event id is derived from
 * the transaction's commit position and the change's place in it, so a change delivered again after a crash
 * has the same id.
 */
final class TableChanges {

    private final Catalog catalog;
    private final Map<String, Map<Operation, TableMapping<?>>> byTable = new HashMap<>();
    private final Map<Integer, TableRelation> relations = new HashMap<>();
    private final Map<Integer, Boolean> userEnums = new HashMap<>();
    private int sequence;

    /** For {@code mappings}: the records whose events some projection handles. */
    TableChanges(Catalog catalog, List<TableMapping<?>> mappings) {
        this.catalog = catalog;
        for (TableMapping<?> mapping : mappings) {
            for (Operation operation : mapping.operations()) {
                byTable.computeIfAbsent(mapping.table(), table -> new EnumMap<>(Operation.class))
                        .put(operation, mapping);
            }
        }
    }

    boolean isEmpty() {
        return byTable.isEmpty();
    }

    /** A user type's name arrived: whether it is an enum is not said, so any user type may be read as text. */
    void type(PgOutputMessage.Type type) {
        userEnums.put(type.oid(), Boolean.TRUE);
    }

    /** Binds a relation to its records, if its table has any; forgets it otherwise. */
    void relation(PgOutputMessage.Relation relation) {
        Map<Operation, TableMapping<?>> mappings = byTable.get(relation.namespace() + "." + relation.name());
        if (mappings == null) {
            relations.remove(relation.oid());
        } else {
            relations.put(relation.oid(), new TableRelation(relation, mappings, userEnums));
        }
    }

    /** A transaction begins: its changes are numbered from 0. */
    void begin() {
        sequence = 0;
    }

    /** The event of an insert, update or delete of a mapped table, or null if no record stands for it. */
    SourceEvent change(PgOutputMessage message, long xid, Lsn commitLsn, Instant commitTime) {
        int relationOid;
        Operation operation;
        PgOutputMessage.Tuple row;
        if (message instanceof PgOutputMessage.Insert insert) {
            relationOid = insert.relationOid();
            operation = Operation.INSERT;
            row = insert.row();
        } else if (message instanceof PgOutputMessage.Update update) {
            relationOid = update.relationOid();
            operation = Operation.UPDATE;
            row = update.row();
        } else if (message instanceof PgOutputMessage.Delete delete) {
            relationOid = delete.relationOid();
            operation = Operation.DELETE;
            row = delete.old();
        } else {
            return null;
        }
        TableRelation relation = relations.get(relationOid);
        if (relation == null) {
            return null;
        }
        int position = sequence++;
        TableRelation.Bound bound = relation.bound(operation);
        if (bound == null) {
            return null;
        }
        return event(relation, bound, operation, row, xid, commitLsn, commitTime, position);
    }

    /** The events of a truncate, one per truncated table whose TRUNCATE a record stands for. */
    List<SourceEvent> truncate(PgOutputMessage.Truncate truncate, long xid, Lsn commitLsn, Instant commitTime) {
        List<SourceEvent> events = new ArrayList<>();
        for (int oid : truncate.relationOids()) {
            TableRelation relation = relations.get(oid);
            int position = sequence++;
            TableRelation.Bound bound = relation == null ? null : relation.bound(Operation.TRUNCATE);
            if (bound != null) {
                events.add(event(relation, bound, Operation.TRUNCATE, null, xid, commitLsn, commitTime, position));
            }
        }
        return events;
    }

    private SourceEvent event(TableRelation relation, TableRelation.Bound bound, Operation operation,
            PgOutputMessage.Tuple row, long xid, Lsn commitLsn, Instant commitTime, int position) {
        TableMapping<?> mapping = bound.mapping();
        UUID eventId = UUID.nameUUIDFromBytes((relation.table() + "@" + commitLsn + "#" + position)
                .getBytes(StandardCharsets.UTF_8));
        String key = row == null ? "" : key(relation, row);
        String[] texts = texts(bound, row);
        Object record = null;
        SteleException failure = bound.mismatch();
        if (failure == null) {
            try {
                record = mapping.map(new PgTextRow(mapping, relation.table(), operation, texts, bound.typeOids()));
            } catch (SteleException e) {
                failure = e;
            }
        }
        if (failure instanceof ChangeEventException change) {
            failure = change.at(commitLsn);
        }
        int chars = 0;
        for (String text : texts) {
            chars += text == null ? 0 : text.length();
        }
        return new SourceEvent(0, xid, eventId, relation.table(), key, 0, mapping.eventName(),
                catalog.eventType(mapping.eventClass()).version(), "", "{}", commitLsn, commitTime,
                new SourceEvent.TableRow(record, failure, chars));
    }

    private static String[] texts(TableRelation.Bound bound, PgOutputMessage.Tuple row) {
        int[] positions = bound.positions();
        String[] texts = new String[positions.length];
        if (row == null) {
            return texts;
        }
        for (int i = 0; i < positions.length; i++) {
            int position = positions[i];
            if (position >= 0 && position < row.values().size()) {
                texts[i] = text(row.values().get(position));
            }
        }
        return texts;
    }

    private static String text(PgOutputMessage.Value value) {
        if (value instanceof PgOutputMessage.Text text) {
            return text.text();
        }
        if (value instanceof PgOutputMessage.Unchanged) {
            return PgTextRow.UNCHANGED;
        }
        return null;
    }

    /** The row's replica identity columns' texts, joined by commas: its stream id, so a row's changes stay in order. */
    private static String key(TableRelation relation, PgOutputMessage.Tuple row) {
        StringBuilder key = new StringBuilder();
        List<PgOutputMessage.Relation.Column> columns = relation.columns();
        for (int i = 0; i < columns.size() && i < row.values().size(); i++) {
            if (columns.get(i).key()) {
                if (!key.isEmpty()) {
                    key.append(',');
                }
                String text = text(row.values().get(i));
                key.append(text == null ? "" : text);
            }
        }
        return key.toString();
    }
}
