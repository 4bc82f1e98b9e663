package dev.stele.bench;

/** One of the readers the projection benchmarks compare, reading a {@link BenchSchema}'s slot. */
interface ChangeReader extends AutoCloseable {

    /** Starts reading; returns once the reader is connected (the events it counts come later). */
    void start() throws Exception;

    /** What {@link Progress} it counts on: the events handled, in the sense its description gives. */
    Progress progress();

    /** Starts counting towards {@code events} (while nothing is being delivered). */
    default void expect(long events) {
        progress().expect(events);
    }

    /** When the reader handed its first event to its handler since {@link #expect}. */
    default long firstHandledNanos() {
        return progress().firstNanos();
    }

    /** What made the reader fail, if it did; null while it works. */
    default Throwable failure() {
        return null;
    }

    /** Waits until the expected events are handled; fails at once if the reader failed. */
    default void await(java.time.Duration timeout, String what) throws InterruptedException {
        progress().await(timeout, what, this::failure);
    }

    /** Stops reading; fails if the reader failed meanwhile. */
    @Override
    void close() throws java.sql.SQLException;
}
