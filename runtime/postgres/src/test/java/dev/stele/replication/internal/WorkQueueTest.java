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
    void aReaderWaitingForRoomIsWokenOnceTheQueueIsHalfEmptyNotAtEveryEventTaken() throws Exception {
        WorkQueue queue = new WorkQueue(4, 1 << 20);
        for (int i = 0; i < 4; i++) {
            assertThat(queue.offer(change(i), 0)).isTrue();
        }
        CompletableFuture<Boolean> offered = CompletableFuture.supplyAsync(() -> {
            try {
                return queue.offer(change(4), TimeUnit.SECONDS.toMillis(30));
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
            queue.offer(change(i), 0);
        }
        queue.poll(0);
        assertThat(queue.offer(change(4), 50)).isTrue();
        assertThat(queue.offer(change(5), 50)).isFalse();
    }

    @Test
    void commitsAndTicksAlwaysFit() throws Exception {
        WorkQueue queue = new WorkQueue(1, 1 << 20);
        queue.offer(change(0), 0);
        assertThat(queue.offer(new Work.Commit(new Lsn(10), new Lsn(20), Instant.EPOCH), 0)).isTrue();
        assertThat(queue.offer(new Work.Tick(new Lsn(20)), 0)).isTrue();
        assertThat(queue.offer(change(1), 0)).isFalse();
    }

    private static Work change(int n) {
        return new Work.Change(new SourceEvent(n, 1, UUID.randomUUID(), "order", "o-" + n, 1, "OrderPaid", 1, "{}", "{}",
                new Lsn(10), Instant.EPOCH));
    }
}
