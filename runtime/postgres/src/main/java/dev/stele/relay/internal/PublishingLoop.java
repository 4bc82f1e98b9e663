package dev.stele.relay.internal;

import dev.stele.relay.OutboxRecord;
import dev.stele.relay.Publisher;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The session's publishing thread: takes records in the order the reader handed them over and calls the
 * {@link Publisher}, with at most {@code maxInFlight} unacknowledged. A publisher that blocks (pushing back)
 * blocks only this thread: the reader keeps the replication connection alive meanwhile, and reads no more
 * once the hand-over queue is full.
 */
final class PublishingLoop implements Runnable {

    private record Item(OutboxRecord record, Acknowledgements.Transaction transaction) {
    }

    private final Publisher publisher;
    private final Acknowledgements acknowledgements;
    private final BlockingQueue<Item> queue;
    private final Semaphore inFlight;
    private final int maxInFlight;
    private volatile boolean over;

    PublishingLoop(Publisher publisher, Acknowledgements acknowledgements, int maxInFlight) {
        this.publisher = publisher;
        this.acknowledgements = acknowledgements;
        this.queue = new ArrayBlockingQueue<>(Math.max(16, Math.min(maxInFlight, 4096)));
        this.inFlight = new Semaphore(maxInFlight);
        this.maxInFlight = maxInFlight;
    }

    /** Records given to the publisher and not acknowledged yet. */
    int inFlight() {
        return maxInFlight - inFlight.availablePermits();
    }

    /** Hands a record over; false if the queue stayed full for {@code millis}. */
    boolean offer(OutboxRecord record, Acknowledgements.Transaction transaction, long millis)
            throws InterruptedException {
        return queue.offer(new Item(record, transaction), millis, TimeUnit.MILLISECONDS);
    }

    void end() {
        over = true;
    }

    @Override
    public void run() {
        try {
            while (!over) {
                Item item = queue.poll(100, TimeUnit.MILLISECONDS);
                if (item == null) {
                    continue;
                }
                while (!inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    if (over) {
                        return;
                    }
                }
                if (acknowledgements.failure() != null) {
                    return; // published again by the next session, after the publisher recovered
                }
                publish(item);
            }
        } catch (InterruptedException e) {
            // the session ends; what was not acknowledged is published again by the next one
        } catch (Exception | Error e) {
            acknowledgements.fail(e);
        }
    }

    private void publish(Item item) throws Exception {
        CompletionStage<?> delivery;
        try {
            delivery = publisher.publish(item.record());
        } catch (Exception | Error e) {
            inFlight.release();
            throw e;
        }
        if (delivery == null) {
            inFlight.release();
            throw new IllegalStateException(publisher.getClass().getName() + ".publish returned null, not a stage");
        }
        delivery.whenComplete((ignored, failure) -> {
            inFlight.release();
            if (failure != null) {
                acknowledgements.fail(failure);
            } else {
                acknowledgements.acknowledged(item.transaction());
            }
        });
    }
}
