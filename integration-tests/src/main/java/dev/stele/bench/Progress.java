package dev.stele.bench;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What a reader of the change stream has handled, and when: the first event after {@link #expect}, and
 * the event that brought the count to the target. Times are {@link System#nanoTime()} taken on the
 * reader's thread at the moment it counts, so polling in {@link #await} adds nothing to them.
 */
final class Progress {

    private final AtomicLong count = new AtomicLong();
    private volatile long target = Long.MAX_VALUE;
    private volatile long firstNanos;
    private volatile long reachedNanos;

    /** Starts counting from zero towards {@code events}. Call while nothing is being delivered. */
    void expect(long events) {
        target = Long.MAX_VALUE;
        count.set(0);
        firstNanos = 0;
        reachedNanos = 0;
        target = events;
    }

    void add(long events) {
        long now = System.nanoTime();
        long after = count.addAndGet(events);
        if (after == events) {
            firstNanos = now;
        }
        if (after >= target && reachedNanos == 0) {
            reachedNanos = now;
        }
    }

    long count() {
        return count.get();
    }

    long firstNanos() {
        return firstNanos;
    }

    long reachedNanos() {
        return reachedNanos;
    }

    /** Waits until the target is reached; fails the run after {@code timeout}. */
    void await(Duration timeout, String what, Supplier<Throwable> failure) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (reachedNanos == 0) {
            Throwable problem = failure.get();
            if (problem != null) {
                throw new IllegalStateException(what + ": the reader failed after " + count.get() + " events", problem);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + ": " + count.get() + " of " + target + " events after "
                        + timeout.toSeconds() + " s");
            }
            Thread.sleep(1);
        }
    }

    /** Waits a little after the target was reached and checks that no event came twice. */
    void checkExact(String what) throws InterruptedException {
        Thread.sleep(200);
        Fixtures.check(count.get() == target, what + " counted " + count.get() + " events, expected " + target);
    }
}
