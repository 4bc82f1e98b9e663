package dev.stele.it.projection;

import dev.stele.it.events.AccountOpened;
import dev.stele.it.events.MoneyDeposited;
import dev.stele.it.events.MoneyWithdrawn;
import dev.stele.store.EventStore;
import dev.stele.store.ExpectedVersion;
import dev.stele.store.StreamId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Threads appending accounts to a store: each stream an {@code AccountOpened}, then deposits and withdrawals,
 * several events to an append, until every stream has {@code eventsPerStream} events. Each thread owns its
 * streams, so appends never conflict and every append states the exact version it expects.
 *
 * <p>With {@code retrying}, an append that fails (the server restarts) is retried: the thread reads the
 * stream's version again, which tells whether the failed append committed after all, and goes on from there.
 * Without it, a failure stops the writers and {@link #await} rethrows it.
 */
final class Writers {

    private final EventStore store;
    private final int threads;
    private final int streams;
    private final int eventsPerStream;
    private final boolean retrying;
    private final long seed;
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicLong written = new AtomicLong();
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private String prefix = "acc-";
    private volatile boolean closed;
    // pacing: events per second from (paceStart, paceFrom); zero is as fast as the store goes
    private double rate;
    private long paceStart;
    private long paceFrom;

    Writers(EventStore store, int threads, int streams, int eventsPerStream, boolean retrying, long seed) {
        this.store = store;
        this.threads = threads;
        this.streams = streams;
        this.eventsPerStream = eventsPerStream;
        this.retrying = retrying;
        this.seed = seed;
    }

    /** Streams named {@code prefix} and a number (default {@code acc-}): for a second set of writers on one store. */
    Writers streamsNamed(String prefix) {
        this.prefix = prefix;
        return this;
    }

    long total() {
        return (long) streams * eventsPerStream;
    }

    /** Events appended so far (acknowledged, or found committed after a failed append). */
    long written() {
        return written.get();
    }

    int retries() {
        return retries.get();
    }

    boolean done() {
        return finished.get() == threads;
    }

    /** From now on, at most {@code eventsPerSecond} (over all threads); zero for no limit. */
    synchronized Writers pace(double eventsPerSecond) {
        this.rate = eventsPerSecond;
        this.paceStart = System.nanoTime();
        this.paceFrom = written.get();
        return this;
    }

    Writers start() {
        for (int w = 0; w < threads; w++) {
            int writer = w;
            Thread thread = new Thread(() -> {
                try {
                    write(writer);
                    finished.incrementAndGet();
                } catch (InterruptedException e) {
                    // closed
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "it-writer-" + w);
            thread.setDaemon(true);
            workers.add(thread);
            thread.start();
        }
        return this;
    }

    /** Waits until {@code count} events are written; rethrows a writer's failure. */
    void awaitWritten(long count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (written.get() < count && !done()) {
            check();
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + written.get() + " of " + count + " events written in " + timeout);
            }
            Thread.sleep(20);
        }
        check();
    }

    /** Waits until every stream is complete; rethrows a writer's failure. */
    void await(Duration timeout) throws InterruptedException {
        awaitWritten(total(), timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread worker : workers) {
            worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        check();
        if (!done()) {
            throw new AssertionError("writers did not finish in " + timeout + ": " + written.get() + " events");
        }
    }

    private void check() {
        Throwable problem = failure.get();
        if (problem != null) {
            throw new AssertionError("a writer failed", problem);
        }
    }

    private void write(int writer) throws InterruptedException {
        Random random = new Random(seed * 31 + writer);
        List<Integer> open = new ArrayList<>();
        for (int i = writer; i < streams; i += threads) {
            open.add(i);
        }
        long[] versions = new long[streams];
        while (!open.isEmpty() && !closed) {
            int slot = random.nextInt(open.size());
            int account = open.get(slot);
            String id = prefix + account;
            StreamId stream = StreamId.of("account", id);
            long version = versions[account];
            int size = (int) Math.min(2 + random.nextInt(7), eventsPerStream - version);
            List<Object> events = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                if (version + i == 0) {
                    events.add(new AccountOpened(id, "owner-" + account));
                } else if (random.nextInt(3) == 0) {
                    events.add(new MoneyWithdrawn(id, 1 + random.nextInt(500)));
                } else {
                    events.add(new MoneyDeposited(id, 1 + random.nextInt(1000)));
                }
            }
            awaitTurn();
            try {
                store.append(stream, version == 0 ? ExpectedVersion.noStream() : ExpectedVersion.exactly(version),
                        events);
                versions[account] = version + size;
                written.addAndGet(size);
            } catch (RuntimeException e) {
                if (!retrying) {
                    throw e;
                }
                retries.incrementAndGet();
                long now = versionAfterFailure(stream);
                versions[account] = now;
                written.addAndGet(now - version);
            }
            if (versions[account] == eventsPerStream) {
                open.remove(slot);
            }
        }
    }

    /** The stream's version, asked until the server answers. */
    private long versionAfterFailure(StreamId stream) throws InterruptedException {
        while (!closed) {
            Thread.sleep(100);
            try {
                return store.version(stream);
            } catch (RuntimeException e) {
                retries.incrementAndGet();
            }
        }
        throw new InterruptedException("closed");
    }

    private void awaitTurn() throws InterruptedException {
        long due;
        synchronized (this) {
            if (rate <= 0) {
                return;
            }
            due = paceStart + (long) ((written.get() - paceFrom) / rate * 1e9);
        }
        long wait = due - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /** Stops the threads where they are: for clean-up. */
    void close() throws InterruptedException {
        closed = true;
        for (Thread worker : workers) {
            worker.interrupt();
        }
        for (Thread worker : workers) {
            worker.join(10_000);
        }
    }
}
