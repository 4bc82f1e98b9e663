package dev.stele.store;

import java.sql.SQLException;

/**
 * PostgreSQL found a deadlock (SQL state {@code 40P01}) and rolled this transaction back to break it:
 * two transactions each held a lock the other waited for, as when one appends to streams A then B and
 * another to B then A. Nothing of the transaction was written, and running it again in a new
 * transaction succeeds: {@link EventStore#inTransaction} does so itself, a bounded number of times. An
 * append joined to the caller's own transaction raises it for the caller to retry.
 *
 * <p>Appending to streams in a consistent order (sorted by stream, say) avoids it.
 */
public class DeadlockException extends EventStoreException {

    private static final long serialVersionUID = 1L;

    public DeadlockException(String operation, Object subject, SQLException cause) {
        super(operation, subject, cause);
    }

    /** Always true: a new transaction doing the same work can succeed. */
    @Override
    public boolean retryable() {
        return true;
    }
}
