package dev.stele.store;

/**
 * Where an event stands in {@code $all}: the id of the transaction that wrote it and its global
 * position. {@code $all} is ordered by transaction, then position, and a reader only ever sees
 * transactions that no running transaction can precede, so a position once passed is never filled in
 * later: no event is skipped, and no clock or timeout is involved.
 *
 * @param transactionId the PostgreSQL {@code xid8} of the writing transaction
 * @param globalPosition the event's unique, increasing position
 */
public record Position(long transactionId, long globalPosition) implements Comparable<Position> {

    /** Before every event. */
    public static final Position START = new Position(0, 0);

    @Override
    public int compareTo(Position other) {
        int byTransaction = Long.compare(transactionId, other.transactionId);
        return byTransaction != 0 ? byTransaction : Long.compare(globalPosition, other.globalPosition);
    }

    @Override
    public String toString() {
        return globalPosition + "@" + transactionId;
    }
}
