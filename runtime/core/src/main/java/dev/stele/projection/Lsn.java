package dev.stele.projection;

import java.util.Locale;

/**
 * A position in PostgreSQL's write-ahead log, written as PostgreSQL writes it ({@code 16/B374D848}):
 * where a transaction committed, how far a slot has been confirmed. Ordered as the log is.
 *
 * @param value the 64-bit position, compared as unsigned
 */
public record Lsn(long value) implements Comparable<Lsn> {

    /** {@code 0/0}: no position; PostgreSQL's {@code InvalidXLogRecPtr}. */
    public static final Lsn NONE = new Lsn(0);

    /**
     * Parses {@code 16/B374D848}.
     *
     * @throws IllegalArgumentException if the text is not two hex numbers of at most 8 digits each, joined by
     *     a slash
     */
    public static Lsn parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 1 || slash == text.length() - 1 || slash > 8 || text.length() - slash - 1 > 8) {
            throw new IllegalArgumentException("'" + text + "' is not a log position such as 16/B374D848");
        }
        try {
            long high = Long.parseLong(text.substring(0, slash), 16);
            long low = Long.parseLong(text.substring(slash + 1), 16);
            return new Lsn(high << 32 | low);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a log position such as 16/B374D848", e);
        }
    }

    /** Whether this position is after {@code other} in the log. */
    public boolean isAfter(Lsn other) {
        return compareTo(other) > 0;
    }

    /** How many bytes of log lie from {@code earlier} to this position; 0 if it is not earlier. */
    public long bytesSince(Lsn earlier) {
        return isAfter(earlier) ? value - earlier.value : 0;
    }

    @Override
    public int compareTo(Lsn other) {
        return Long.compareUnsigned(value, other.value);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%X/%X", value >>> 32, value & 0xFFFFFFFFL);
    }
}
