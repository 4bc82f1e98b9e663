package dev.stele.replication.internal;

import dev.stele.projection.Lsn;
import dev.stele.replication.ReplicationException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Where each column of the events table is in the tuples pgoutput sends for it. */
public final class EventsRelation {

    private final int globalPosition;
    private final int transactionId;
    private final int eventId;
    private final int streamCategory;
    private final int streamId;
    private final int streamVersion;
    private final int eventName;
    private final int eventVersion;
    private final int payload;
    private final int metadata;

    public EventsRelation(PgOutputMessage.Relation relation) {
        List<PgOutputMessage.Relation.Column> columns = relation.columns();
        globalPosition = index(relation, columns, "global_position");
        transactionId = index(relation, columns, "transaction_id");
        eventId = index(relation, columns, "event_id");
        streamCategory = index(relation, columns, "stream_category");
        streamId = index(relation, columns, "stream_id");
        streamVersion = index(relation, columns, "stream_version");
        eventName = index(relation, columns, "event_name");
        eventVersion = index(relation, columns, "event_version");
        payload = index(relation, columns, "payload");
        metadata = index(relation, columns, "metadata");
    }

    private static int index(PgOutputMessage.Relation relation, List<PgOutputMessage.Relation.Column> columns,
            String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new ReplicationException("the slot sends table " + relation.namespace() + "." + relation.name()
                + " without column " + name + "; is it Stele's events table?");
    }

    /** The event name of an inserted row, read before the rest so that unhandled events cost little. */
    public String eventName(PgOutputMessage.Tuple row) {
        return text(row, eventName);
    }

    public SourceEvent event(PgOutputMessage.Tuple row, Lsn commitLsn, Instant commitTime) {
        return new SourceEvent(Long.parseLong(text(row, globalPosition)), Long.parseLong(text(row, transactionId)),
                UUID.fromString(text(row, eventId)), text(row, streamCategory), text(row, streamId),
                Long.parseLong(text(row, streamVersion)), text(row, eventName), Integer.parseInt(text(row, eventVersion)),
                text(row, payload), text(row, metadata), commitLsn, commitTime);
    }

    private static String text(PgOutputMessage.Tuple row, int index) {
        if (index >= row.values().size() || !(row.values().get(index) instanceof PgOutputMessage.Text text)) {
            throw new ReplicationException("an inserted event row has no text value in column " + (index + 1));
        }
        return text.text();
    }
}
