package dev.stele.replication.internal;

import dev.stele.SteleException;
import dev.stele.projection.Lsn;
import java.time.Instant;
import java.util.UUID;

/**
 * One event as a projection receives it: a stored one, from an insert into the events table the slot delivered
 * or from a row the catch-up read, still undecoded (the payload is the {@code jsonb} text); or a change of a
 * {@code @FromTable} table, already mapped into its record ({@link #tableRow()}; no payload).
 *
 * @param transactionId the {@code xid8} of the transaction that appended it
 * @param commitLsn where its transaction's commit record starts ({@link Lsn#NONE} when read from the table)
 * @param tableRow for a change of a {@code @FromTable} table, its record or why it could not be mapped; null for
 *     a stored event
 */
public record SourceEvent(long globalPosition, long transactionId, UUID eventId, String streamCategory,
        String streamId, long streamVersion, String eventName, int eventVersion, String payload, String metadata,
        Lsn commitLsn, Instant commitTime, TableRow tableRow) {

    /**
     * A table change as the slot's reader mapped it: the record, or the error that kept the row from becoming one
     * (applying it then fails with it, by the poison policy).
     *
     * @param chars how many characters the row's column texts held, for the event's {@link #size()}
     */
    public record TableRow(Object record, SteleException failure, int chars) {
    }

    /** A stored event. */
    public SourceEvent(long globalPosition, long transactionId, UUID eventId, String streamCategory, String streamId,
            long streamVersion, String eventName, int eventVersion, String payload, String metadata, Lsn commitLsn,
            Instant commitTime) {
        this(globalPosition, transactionId, eventId, streamCategory, streamId, streamVersion, eventName, eventVersion,
                payload, metadata, commitLsn, commitTime, null);
    }

    /** Roughly how much memory it holds, for bounding queues. */
    public long size() {
        return 160L + 2L * (payload.length() + metadata.length() + streamId.length()
                + (tableRow == null ? 0 : tableRow.chars()));
    }

    /** The partition of its stream among {@code partitions}: the same for every event of the stream, in every JVM. */
    public int partition(int partitions) {
        if (partitions == 1) {
            return 0;
        }
        int hash = 17;
        for (int i = 0; i < streamCategory.length(); i++) {
            hash = 31 * hash + streamCategory.charAt(i);
        }
        hash = 31 * hash;
        for (int i = 0; i < streamId.length(); i++) {
            hash = 31 * hash + streamId.charAt(i);
        }
        return Math.floorMod(hash ^ (hash >>> 16), partitions);
    }
}
