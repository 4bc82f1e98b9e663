package dev.stele.replication.internal;

import dev.stele.SteleException;
import dev.stele.projection.Lsn;
import java.time.Instant;
import java.util.UUID;

/**
 * One stored event as a projection receives it: from an insert into the events table the slot delivered,
 * or from a row the catch-up read. Still undecoded: the payload is the {@code jsonb} text.
 *
 * @param transactionId the {@code xid8} of the transaction that appended it
 * @param commitLsn where its transaction's commit record starts ({@link Lsn#NONE} when read from the table)
 * @param unmappable for a change of a {@code @FromTable} table that could not be mapped into its record, why
 *     (the payload then holds the row's column texts): applying it fails with this error, by the poison policy;
 *     null otherwise
 */
public record SourceEvent(long globalPosition, long transactionId, UUID eventId, String streamCategory,
        String streamId, long streamVersion, String eventName, int eventVersion, String payload, String metadata,
        Lsn commitLsn, Instant commitTime, SteleException unmappable) {

    /** A stored event, or a change of a table mapped into its record. */
    public SourceEvent(long globalPosition, long transactionId, UUID eventId, String streamCategory, String streamId,
            long streamVersion, String eventName, int eventVersion, String payload, String metadata, Lsn commitLsn,
            Instant commitTime) {
        this(globalPosition, transactionId, eventId, streamCategory, streamId, streamVersion, eventName, eventVersion,
                payload, metadata, commitLsn, commitTime, null);
    }

    /** Roughly how much memory it holds, for bounding queues. */
    public long size() {
        return 160L + 2L * (payload.length() + metadata.length() + streamId.length());
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
