package dev.stele.replication.internal;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A partition's queue, bounded in events and in bytes: the slot reader waits when it is full, which is
 * how a slow projection slows the reading instead of filling the heap. Commits and ticks are small and
 * always fit, so a transaction can always be closed.
 */
public final class WorkQueue {

    private final int maxEvents;
    private final long maxBytes;
    private final ArrayDeque<Work> items = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();
    private int events;
    private long bytes;

    public WorkQueue(int maxEvents, long maxBytes) {
        this.maxEvents = maxEvents;
        this.maxBytes = maxBytes;
    }

    /**
     * Adds {@code work}, waiting at most {@code millis} for room; false if there was none. An event larger than
     * the byte bound is let into an empty queue, so it cannot block forever.
     */
    public boolean offer(Work work, long millis) throws InterruptedException {
        long size = work instanceof Work.Change change ? change.event().size() : 0;
        long nanos = TimeUnit.MILLISECONDS.toNanos(millis);
        lock.lock();
        try {
            if (size > 0) {
                while (events >= maxEvents || (bytes + size > maxBytes && events > 0)) {
                    if (nanos <= 0) {
                        return false;
                    }
                    nanos = notFull.awaitNanos(nanos);
                }
                events++;
                bytes += size;
            }
            items.addLast(work);
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The next item, waiting at most {@code millis}; null if none came. */
    public Work poll(long millis) throws InterruptedException {
        long nanos = TimeUnit.MILLISECONDS.toNanos(millis);
        lock.lock();
        try {
            while (items.isEmpty()) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            Work work = items.removeFirst();
            if (work instanceof Work.Change change) {
                events--;
                bytes -= change.event().size();
                if (events <= maxEvents / 2 && bytes <= maxBytes / 2) {
                    // a reader waiting for room wakes once the queue is half empty, not at every event taken:
                    // a wake-up per event cost both threads a context switch each (about 10 µs of CPU per event
                    // when a slow projection keeps the queue full)
                    notFull.signal();
                }
            }
            return work;
        } finally {
            lock.unlock();
        }
    }

    public boolean isEmpty() {
        lock.lock();
        try {
            return items.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** Events waiting. */
    public int events() {
        lock.lock();
        try {
            return events;
        } finally {
            lock.unlock();
        }
    }
}
