package dev.stele.kafka.internal;

import dev.stele.kafka.PoisonRecordException;
import dev.stele.replication.internal.Backoff;
import dev.stele.replication.internal.Savepoints;
import dev.stele.spi.ProjectionType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * Applies one poll's records and moves their partitions' stored offsets in ONE PostgreSQL transaction.
 *
 * <p>First every partition's offset row is locked ({@code FOR UPDATE}, in {@link Partitions#ORDER}) and compared
 * with the offset this instance expects; a partition whose row holds another is fenced: another instance applied
 * from there (it took the partition in a rebalance this one has not seen yet, or this one is the newcomer and the
 * old owner's last batch committed after it read the row). Its records are left out, and the caller seeks to the
 * stored offset. The lock held from the check to the commit makes the check and the write one step.
 *
 * <p>The records are applied fast, with no savepoints; if a handler throws, the transaction is rolled back and the
 * batch applied again carefully: each record behind a savepoint, retried with backoff, and on the last failure the
 * partition stops before it (what came before it in the batch still commits).
 */
final class BatchApplier<P> {

    private final DataSource dataSource;
    private final OffsetsTable offsets;
    private final String projection;
    private final String groupId;
    private final ProjectionType<P> type;
    private final P instance;
    private final int attempts;
    private final Backoff backoff;

    BatchApplier(DataSource dataSource, OffsetsTable offsets, String projection, String groupId,
            ProjectionType<P> type, P instance, int attempts, Backoff backoff) {
        this.dataSource = dataSource;
        this.offsets = offsets;
        this.projection = projection;
        this.groupId = groupId;
        this.type = type;
        this.instance = instance;
        this.attempts = attempts;
        this.backoff = backoff;
    }

    /** A handler failed while applying fast: apply the batch again carefully. */
    private static final class HandlerFailed extends Exception {

        private static final long serialVersionUID = 1L;

        HandlerFailed(Throwable cause) {
            super(cause);
        }
    }

    /**
     * Applies {@code batches} (sorted in {@link Partitions#ORDER}) and commits.
     *
     * @throws SQLException if PostgreSQL failed: nothing of the batch committed, or (if the commit itself failed)
     *     perhaps all of it; the caller reads the stored offsets again either way
     */
    List<BatchOutcome> apply(List<PartitionBatch> batches) throws SQLException, InterruptedException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<BatchOutcome> outcomes;
                try {
                    outcomes = attempt(connection, batches, false);
                } catch (HandlerFailed fast) {
                    connection.rollback();
                    try {
                        outcomes = attempt(connection, batches, true);
                    } catch (HandlerFailed impossible) {
                        throw new IllegalStateException(impossible);
                    }
                }
                connection.commit();
                return outcomes;
            } finally {
                try {
                    connection.rollback(); // nothing after a commit; after a failure, leaves no open transaction
                    connection.setAutoCommit(true);
                } catch (SQLException e) {
                    // the connection is broken; the pool finds out
                }
            }
        }
    }

    private List<BatchOutcome> attempt(Connection connection, List<PartitionBatch> batches, boolean careful)
            throws SQLException, InterruptedException, HandlerFailed {
        List<BatchOutcome> outcomes = new ArrayList<>();
        List<PartitionBatch> owned = new ArrayList<>();
        for (PartitionBatch batch : batches) {
            OptionalLong stored = offsets.lock(connection, projection, batch.partition());
            if (stored.isPresent() && stored.getAsLong() == batch.expectedOffset()) {
                owned.add(batch);
            } else {
                outcomes.add(new BatchOutcome(batch.partition(), stored.orElse(-1), 0, true, null));
            }
        }
        for (PartitionBatch batch : owned) {
            outcomes.add(applyPartition(connection, batch, careful));
        }
        return outcomes;
    }

    private BatchOutcome applyPartition(Connection connection, PartitionBatch batch, boolean careful)
            throws SQLException, InterruptedException, HandlerFailed {
        long next = batch.expectedOffset();
        int applied = 0;
        PoisonRecordException stop = null;
        for (ReadRecord read : batch.records()) {
            if (read.event() != null) {
                if (careful) {
                    stop = applyCarefully(connection, read);
                    if (stop != null) {
                        break;
                    }
                } else {
                    try {
                        handle(connection, read);
                    } catch (InterruptedException | VirtualMachineError e) {
                        throw e;
                    } catch (Exception | Error e) {
                        throw new HandlerFailed(e);
                    }
                }
            }
            applied++;
            next = read.offset() + 1;
        }
        if (stop == null) {
            stop = batch.unreadable();
        }
        if (next != batch.expectedOffset()) {
            offsets.update(connection, projection, groupId, batch.partition(), next);
        }
        return new BatchOutcome(batch.partition(), next, applied, false, stop);
    }

    private void handle(Connection connection, ReadRecord read) throws Exception {
        type.handle(instance, read.event().eventName(), read.event().event(),
                new RecordContext(read.record(), read.event(), connection));
    }

    /** Null once applied; the poison record if every attempt failed. */
    private PoisonRecordException applyCarefully(Connection connection, ReadRecord read)
            throws SQLException, InterruptedException {
        Throwable last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            Savepoint savepoint = connection.setSavepoint();
            try {
                handle(connection, read);
                connection.releaseSavepoint(savepoint);
                return null;
            } catch (InterruptedException | VirtualMachineError e) {
                throw e;
            } catch (Exception | Error e) {
                last = e;
                Savepoints.rollbackTo(connection, savepoint, e);
                if (attempt < attempts) {
                    backoff.sleep(attempt);
                }
            }
        }
        return new PoisonRecordException(projection, read.record().topic(), read.record().partition(), read.offset(),
                read.event().eventId(), read.event().eventName(), PoisonRecordException.Reason.HANDLER_FAILED,
                attempts, last);
    }
}
