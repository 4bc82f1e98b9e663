package dev.stele.store;

/**
 * Work done in one database transaction with the store: appends and the caller's own statements on
 * {@link Transaction#connection()} commit together or not at all.
 *
 * @param <R> what the work returns
 * @param <X> what it may throw; any exception rolls the transaction back
 */
@FunctionalInterface
public interface TransactionCallback<R, X extends Exception> {

    R run(Transaction transaction) throws X;
}
