package dev.stele.replication.internal;

import java.util.Arrays;

/**
 * A {@code pg_snapshot} ({@code xmin:xmax:xip,…}): which transactions had committed when it was taken.
 * A projection's catch-up reads the events visible in the one its registration recorded (the database
 * decides with {@code pg_visible_in_snapshot}; {@link #sees} is the same rule, for reading it here).
 */
public final class PgSnapshot {

    private final String text;
    private final long xmin;
    private final long xmax;
    private final long[] inProgress;

    private PgSnapshot(String text, long xmin, long xmax, long[] inProgress) {
        this.text = text;
        this.xmin = xmin;
        this.xmax = xmax;
        this.inProgress = inProgress;
    }

    /** Parses PostgreSQL's text form. */
    public static PgSnapshot parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("'" + text + "' is not a pg_snapshot (xmin:xmax:xip,...)");
        }
        long[] xip = parts[2].isEmpty() ? new long[0]
                : Arrays.stream(parts[2].split(",")).mapToLong(Long::parseLong).sorted().toArray();
        return new PgSnapshot(text, Long.parseLong(parts[0]), Long.parseLong(parts[1]), xip);
    }

    /** Whether a transaction (its {@code xid8}) had committed when the snapshot was taken. */
    public boolean sees(long transactionId) {
        if (transactionId < xmin) {
            return true;
        }
        return transactionId < xmax && Arrays.binarySearch(inProgress, transactionId) < 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
