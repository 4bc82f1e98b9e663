package dev.stele.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A writer on a thread of its own appending a transaction of {@code perTransaction} events to a new stream
 * every {@code perTransaction / rate} seconds, on a fixed schedule (as the latency scenario's writer), until
 * closed: the traffic a live session serves during a rebuild.
 */
final class PacedWriter implements AutoCloseable {

    private final Thread thread;
    private final AtomicLong appended = new AtomicLong();
    private volatile boolean stop;
    private volatile Throwable failure;
    private volatile long late;

    private PacedWriter(Workload workload, int rate, int perTransaction) {
        long period = Math.round(perTransaction * 1e9 / rate);
        thread = new Thread(() -> {
            long start = System.nanoTime();
            try {
                for (long k = 0; !stop; k++) {
                    long due = start + k * period;
                    long now;
                    while ((now = System.nanoTime()) < due && !stop) {
                        LockSupport.parkNanos(due - now);
                    }
                    if (now - due > period) {
                        late++;
                    }
                    workload.appendTransaction("p-" + k, perTransaction);
                    appended.addAndGet(perTransaction);
                }
            } catch (Throwable e) {
                failure = e;
            }
        }, "bench-paced-writer");
        thread.setDaemon(true);
    }

    static PacedWriter start(Workload workload, int rate, int perTransaction) {
        PacedWriter writer = new PacedWriter(workload, rate, perTransaction);
        writer.thread.start();
        return writer;
    }

    long appended() {
        check();
        return appended.get();
    }

    /** Transactions started more than a period after they were due. */
    long late() {
        return late;
    }

    private void check() {
        if (failure != null) {
            throw new IllegalStateException("the paced writer failed", failure);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        thread.join(10_000);
        check();
    }
}
