package dev.stele.replication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.projection.Lsn;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkQueueTest {

    @Test
    void boundsEventsButAlwaysTakesCommitsAndTicks() throws InterruptedException {
        WorkQueue queue = new WorkQueue(2, 1 << 20);

        assertThat(queue.offer(change("a"), 0)).isTrue();
        assertThat(queue.offer(change("b"), 0)).isTrue();
        assertThat(queue.offer(change("c"), 10)).as("full in events").isFalse();
        assertThat(queue.offer(new Work.Commit(Lsn.NONE, new Lsn(8), Instant.EPOCH), 0)).isTrue();
        assertThat(queue.offer(new Work.Tick(new Lsn(9)), 0)).isTrue();
        assertThat(queue.events()).isEqualTo(2);

        assertThat(queue.poll(0)).isInstanceOf(Work.Change.class);
        assertThat(queue.offer(change("c"), 0)).as("room again").isTrue();
    }

    @Test
    void boundsBytesButLetsOneLargeEventIntoAnEmptyQueue() throws InterruptedException {
        Work.Change large = change("x".repeat(10_000));
        WorkQueue queue = new WorkQueue(100, large.event().size() - 1);

        assertThat(queue.offer(large, 0)).as("alone, it may pass").isTrue();
        assertThat(queue.offer(change("small"), 10)).as("behind it, nothing more").isFalse();
        queue.poll(0);
        assertThat(queue.offer(change("small"), 0)).isTrue();
    }

    @Test
    void keepsOrder() throws InterruptedException {
        WorkQueue queue = new WorkQueue(10, 1 << 20);
        queue.offer(change("1"), 0);
        queue.offer(new Work.Commit(Lsn.NONE, new Lsn(1), Instant.EPOCH), 0);
        queue.offer(change("2"), 0);

        assertThat(((Work.Change) queue.poll(0)).event().payload()).isEqualTo("1");
        assertThat(queue.poll(0)).isInstanceOf(Work.Commit.class);
        assertThat(((Work.Change) queue.poll(0)).event().payload()).isEqualTo("2");
        assertThat(queue.poll(10)).isNull();
    }

    @Test
    void aReaderWaitingForRoomIsWokenOnceTheQueueIsHalfEmptyNotAtEveryEventTaken() throws Exception {
        WorkQueue queue = new WorkQueue(4, 1 << 20);
        for (int i = 0; i < 4; i++) {
            assertThat(queue.offer(change("e" + i), 0)).isTrue();
        }
        CompletableFuture<Boolean> offered = CompletableFuture.supplyAsync(() -> {
            try {
                return queue.offer(change("e4"), TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        assertThat(queue.poll(0)).isNotNull(); // 3 of 4 left: no wake-up yet
        Thread.sleep(200);
        assertThat(offered).isNotDone();
        assertThat(queue.poll(0)).isNotNull(); // 2 of 4: half empty
        assertThat(offered.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(queue.events()).isEqualTo(3);
    }

    @Test
    void aReaderWaitingForRoomFindsItAfterItsWaitEvenWithoutAWakeUp() throws Exception {
        WorkQueue queue = new WorkQueue(4, 1 << 20);
        for (int i = 0; i < 4; i++) {
            queue.offer(change("e" + i), 0);
        }
        queue.poll(0);
        assertThat(queue.offer(change("e4"), 50)).isTrue();
        assertThat(queue.offer(change("e5"), 50)).isFalse();
    }

    private static Work.Change change(String payload) {
        return new Work.Change(new SourceEvent(1, 1, UUID.randomUUID(), "account", "a", 1, "MoneyDeposited", 1, payload,
                "{}", Lsn.NONE, Instant.EPOCH));
    }
}
