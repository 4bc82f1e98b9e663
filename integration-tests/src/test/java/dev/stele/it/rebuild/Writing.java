package dev.stele.it.rebuild;

import dev.stele.it.events.MoneyDeposited;
import dev.stele.it.events.MoneyWithdrawn;
import dev.stele.store.EventStore;
import dev.stele.store.ExpectedVersion;
import dev.stele.store.StreamId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Two threads appending deposits and withdrawals to accounts {@code live-…} at a paced rate, until stopped. */
final class Writing implements AutoCloseable {

    private static final int THREADS = 2;

    private final EventStore store;
    private final int eventsPerSecond;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong written = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean stopped;

    Writing(EventStore store, int eventsPerSecond) {
        this.store = store;
        this.eventsPerSecond = eventsPerSecond;
    }

    Writing start() {
        long started = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            int writer = t;
            Thread thread = new Thread(() -> write(writer, started), "it-rebuild-writer-" + t);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        return this;
    }

    private void write(int writer, long started) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try {
            while (!stopped) {
                double allowed = (System.nanoTime() - started) / 1e9 * eventsPerSecond;
                if (written.get() >= allowed) {
                    Thread.sleep(2);
                    continue;
                }
                String id = "live-" + writer + "-" + random.nextInt(50);
                List<Object> events = new ArrayList<>();
                for (int i = random.nextInt(1, 4); i > 0; i--) {
                    events.add(random.nextBoolean() ? new MoneyDeposited(id, random.nextInt(1, 100))
                            : new MoneyWithdrawn(id, random.nextInt(1, 50)));
                }
                store.append(StreamId.of("account", id), ExpectedVersion.any(), events);
                written.addAndGet(events.size());
            }
        } catch (InterruptedException e) {
            // stopped
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
        }
    }

    long written() {
        return written.get();
    }

    /** Stops the writers and waits for them; rethrows what failed one. */
    void stop() throws InterruptedException {
        stopped = true;
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        if (failure.get() != null) {
            throw new AssertionError("a writer failed", failure.get());
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        for (Thread thread : threads) {
            thread.join(10_000);
        }
    }
}
