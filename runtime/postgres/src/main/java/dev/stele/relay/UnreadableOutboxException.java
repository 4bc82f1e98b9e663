package dev.stele.relay;

import dev.stele.projection.Lsn;
import dev.stele.replication.ReplicationException;

/**
 * An outbox row or message the relay cannot read: a column missing or holding what it cannot hold. The relay
 * stops rather than skip it, confirming nothing past the transaction before it; fix the writer (or the row's
 * table), then start the relay again.
 */
public final class UnreadableOutboxException extends ReplicationException {

    private static final long serialVersionUID = 1L;

    private final transient Lsn commitLsn;
    private final String field;

    public UnreadableOutboxException(Lsn commitLsn, String source, String field, String problem) {
        super("cannot relay the " + source + " of the transaction committed at " + commitLsn + ": " + field + " "
                + problem + ". The relay stopped before it; nothing after it was confirmed");
        this.commitLsn = commitLsn;
        this.field = field;
    }

    /** The commit LSN of the transaction that wrote it. */
    public Lsn commitLsn() {
        return commitLsn;
    }

    /** The column or JSON field that could not be read. */
    public String field() {
        return field;
    }
}
