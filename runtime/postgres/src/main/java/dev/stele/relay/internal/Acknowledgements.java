package dev.stele.relay.internal;

import dev.stele.projection.Lsn;
import java.util.ArrayDeque;

/**
 * Which LSN a relay session may confirm: the end of the newest transaction that every record of it and of every
 * transaction before it was acknowledged. Transactions are registered in commit order by the reader; the
 * publisher's callbacks acknowledge from any thread. The first failure is kept and ends the session.
 */
final class Acknowledgements {

    /** One transaction with outbox records: how many are not acknowledged yet, and its end once it committed. */
    static final class Transaction {

        private int pending;
        private Lsn end;
    }

    private final ArrayDeque<Transaction> open = new ArrayDeque<>();
    private Lsn confirmable;
    private long acknowledged;
    private Throwable failure;

    Acknowledgements(Lsn start) {
        this.confirmable = start;
    }

    /** A transaction whose records the reader is about to hand over. */
    synchronized Transaction begin() {
        Transaction transaction = new Transaction();
        open.addLast(transaction);
        return transaction;
    }

    /** A record of {@code transaction} is handed over to be published. */
    synchronized void sent(Transaction transaction) {
        transaction.pending++;
    }

    /** The publisher acknowledged a record of {@code transaction}. */
    synchronized void acknowledged(Transaction transaction) {
        transaction.pending--;
        acknowledged++;
        advance();
    }

    /** The reader saw {@code transaction} (null: one without outbox records) commit, ending at {@code end}. */
    synchronized void committed(Transaction transaction, Lsn end) {
        if (transaction == null) {
            if (open.isEmpty()) {
                passed(end);
            } else {
                Transaction empty = new Transaction();
                empty.end = end;
                open.addLast(empty);
            }
            return;
        }
        transaction.end = end;
        advance();
    }

    /**
     * The reader passed {@code lsn} (a heartbeat): with nothing open, every commit before it is acknowledged,
     * so it may be confirmed.
     */
    synchronized void passed(Lsn lsn) {
        if (open.isEmpty() && lsn.isAfter(confirmable)) {
            confirmable = lsn;
        }
    }

    private void advance() {
        while (!open.isEmpty() && open.peekFirst().end != null && open.peekFirst().pending == 0) {
            Lsn end = open.removeFirst().end;
            if (end.isAfter(confirmable)) {
                confirmable = end;
            }
        }
    }

    synchronized void fail(Throwable problem) {
        if (failure == null) {
            failure = problem;
        }
    }

    synchronized Throwable failure() {
        return failure;
    }

    synchronized Lsn confirmable() {
        return confirmable;
    }

    synchronized long acknowledgedCount() {
        return acknowledged;
    }
}
