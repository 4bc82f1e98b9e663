package dev.stele.cdc;

/** Debezium's {@code time.precision.mode}: in which unit a {@code timestamp} (without time zone) is written. */
public enum TimePrecisionMode {
    /**
     * {@code adaptive} (the default): microseconds for a {@code timestamp} of precision 4 to 6 (6 is PostgreSQL's
     * default), milliseconds for precision 0 to 3.
     */
    ADAPTIVE,
    /** {@code adaptive_time_microseconds}: as {@link #ADAPTIVE} for timestamps. */
    ADAPTIVE_TIME_MICROSECONDS,
    /** {@code connect}: milliseconds, whatever the precision (finer digits are dropped towards the past). */
    CONNECT;

    /**
     * The unit a {@code timestamp} is in when no schema says so: microseconds under the adaptive modes (right for
     * PostgreSQL's default precision; a {@code timestamp(3)} or coarser column needs the schema envelope or
     * {@link #CONNECT}), milliseconds under {@link #CONNECT}.
     */
    public TimestampUnit timestampUnit() {
        return this == CONNECT ? TimestampUnit.MILLIS : TimestampUnit.MICROS;
    }
}
