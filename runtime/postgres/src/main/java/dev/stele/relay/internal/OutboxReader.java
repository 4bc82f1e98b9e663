package dev.stele.relay.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.stele.projection.Lsn;
import dev.stele.relay.OutboxRecord;
import dev.stele.relay.UnreadableOutboxException;
import dev.stele.replication.internal.PgOutputMessage;
import dev.stele.replication.internal.PgText;
import dev.stele.store.EventMetadata;
import dev.stele.store.internal.MetadataJson;
import dev.stele.store.internal.OutboxTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns what the slot delivers of the outbox into {@link OutboxRecord}s: inserts into the outbox table (by the
 * columns its Relation message names) and the store's {@code stele.outbox} logical decoding messages. Both carry
 * the same columns, so a store may switch between them while the relay runs.
 */
final class OutboxReader {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final String schema;
    private final String table;
    /** Per relation oid of the outbox table: the index of each column. */
    private final Map<Integer, Map<String, Integer>> outboxRelations = new HashMap<>();

    /** Reads the outbox table {@code schema.table}. */
    OutboxReader(String schema, String table) {
        this.schema = schema;
        this.table = table;
    }

    /** Remembers the outbox table's columns; other tables are not relayed. */
    void relation(PgOutputMessage.Relation relation) {
        if (!relation.namespace().equals(schema) || !relation.name().equals(table)) {
            outboxRelations.remove(relation.oid());
            return;
        }
        Map<String, Integer> columns = new HashMap<>();
        List<PgOutputMessage.Relation.Column> list = relation.columns();
        for (int i = 0; i < list.size(); i++) {
            columns.put(list.get(i).name(), i);
        }
        outboxRelations.put(relation.oid(), columns);
    }

    /** The record an insert into the outbox table holds, or null if it is an insert into another table. */
    OutboxRecord row(PgOutputMessage.Insert insert, Lsn commitLsn) {
        Map<String, Integer> columns = outboxRelations.get(insert.relationOid());
        if (columns == null) {
            return null;
        }
        Row row = new Row(columns, insert.row().values(), commitLsn);
        EventMetadata metadata = row.metadata();
        return new OutboxRecord(row.uuid("id"), row.text("aggregatetype"), row.text("aggregateid"), row.text("type"),
                row.integer("event_version"), row.text("payload"), row.timestamp("recorded_at"),
                metadata.correlationId(), metadata.causationId(), commitLsn);
    }

    /** The record a store's outbox message holds, or null if the message is not the outbox's. */
    OutboxRecord message(PgOutputMessage.LogicalMessage message, Lsn commitLsn) {
        if (!message.transactional() || !message.prefix().equals(OutboxTable.MESSAGE_PREFIX)) {
            return null;
        }
        byte[] content = message.content();
        try (JsonParser in = JSON.createParser(content)) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                throw unreadable(commitLsn, "content", "is not a JSON object");
            }
            Map<String, String> fields = new HashMap<>();
            String payload = null;
            String metadata = "{}";
            String field;
            while ((field = in.nextFieldName()) != null) {
                JsonToken token = in.nextToken();
                if (field.equals("payload") || field.equals("metadata")) {
                    int start = (int) in.currentTokenLocation().getByteOffset();
                    in.skipChildren();
                    int end = (int) in.currentLocation().getByteOffset();
                    String raw = new String(content, start, end - start, StandardCharsets.UTF_8);
                    if (field.equals("payload")) {
                        payload = raw;
                    } else {
                        metadata = raw;
                    }
                } else if (token.isScalarValue() && token != JsonToken.VALUE_NULL) {
                    fields.put(field, in.getText());
                } else {
                    in.skipChildren();
                }
            }
            Row row = new Row(fields, payload, metadata, commitLsn);
            EventMetadata parsed = row.metadata();
            return new OutboxRecord(row.uuid("id"), row.text("aggregatetype"), row.text("aggregateid"),
                    row.text("type"), row.integer("event_version"), row.text("payload"), row.timestamp("recorded_at"),
                    parsed.correlationId(), parsed.causationId(), commitLsn);
        } catch (IOException e) {
            throw unreadable(commitLsn, "content", "is not JSON (" + e.getMessage() + ")");
        }
    }

    private static UnreadableOutboxException unreadable(Lsn commitLsn, String field, String problem) {
        return new UnreadableOutboxException(commitLsn, "outbox message", field, problem);
    }

    /** The columns of one outbox row or message, by name, read with errors that name them. */
    private static final class Row {

        private final Map<String, String> values = new HashMap<>();
        private final Lsn commitLsn;
        private final String source;
        private final boolean jsonTimestamps;

        Row(Map<String, Integer> columns, List<PgOutputMessage.Value> tuple, Lsn commitLsn) {
            this.commitLsn = commitLsn;
            this.source = "outbox row";
            this.jsonTimestamps = false;
            for (Map.Entry<String, Integer> column : columns.entrySet()) {
                if (column.getValue() < tuple.size() && tuple.get(column.getValue()) instanceof PgOutputMessage.Text t) {
                    values.put(column.getKey(), t.text());
                }
            }
        }

        Row(Map<String, String> fields, String payload, String metadata, Lsn commitLsn) {
            this.commitLsn = commitLsn;
            this.source = "outbox message";
            this.jsonTimestamps = true;
            values.putAll(fields);
            if (payload != null) {
                values.put("payload", payload);
            }
            values.put("metadata", metadata);
        }

        String text(String name) {
            String value = values.get(name);
            if (value == null) {
                throw new UnreadableOutboxException(commitLsn, source, name, "is missing or null");
            }
            return value;
        }

        UUID uuid(String name) {
            String value = text(name);
            try {
                return UUID.fromString(value);
            } catch (IllegalArgumentException e) {
                throw new UnreadableOutboxException(commitLsn, source, name, "'" + value + "' is not a UUID");
            }
        }

        int integer(String name) {
            String value = text(name);
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new UnreadableOutboxException(commitLsn, source, name, "'" + value + "' is not an int");
            }
        }

        Instant timestamp(String name) {
            String value = values.get(name);
            if (value == null) {
                return null;
            }
            try {
                return jsonTimestamps ? OffsetDateTime.parse(value).toInstant() : PgText.timestamptz(value);
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw new UnreadableOutboxException(commitLsn, source, name, "'" + value + "' is not a timestamptz");
            }
        }

        EventMetadata metadata() {
            String value = values.get("metadata");
            try {
                return MetadataJson.read(value);
            } catch (IOException e) {
                throw new UnreadableOutboxException(commitLsn, source, "metadata", "is not the store's metadata JSON ("
                        + e.getMessage() + ")");
            }
        }
    }
}
