package dev.stele.it.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.it.events.MoneyDeposited;
import dev.stele.store.ConcurrencyConflictException;
import dev.stele.store.EventStore;
import dev.stele.store.ExpectedVersion;
import dev.stele.store.RecordedEvent;
import dev.stele.store.StreamId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConcurrentAppendTest {

    private static final int THREADS = 8;
    private static final int APPENDS_PER_THREAD = 1000;
    private static final int STREAMS = 10;

    @Test
    void eightThreadsOfOneThousandAppendsToTenHotStreamsLoseNothingAndLeaveNoGap() throws Exception {
        EventStore store = Stores.fresh();
        AtomicInteger conflicts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            workers.add(pool.submit(() -> {
                for (int i = 0; i < APPENDS_PER_THREAD; i++) {
                    String id = "s-" + (thread + i) % STREAMS;
                    StreamId stream = StreamId.of("account", id);
                    long amount = thread * 1_000_000L + i;
                    while (true) {
                        long version = store.version(stream);
                        try {
                            store.append(stream, ExpectedVersion.exactly(version),
                                    List.of(new MoneyDeposited(id, amount)));
                            break;
                        } catch (ConcurrencyConflictException e) {
                            conflicts.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();

        Set<Long> amounts = new HashSet<>();
        int total = 0;
        for (int s = 0; s < STREAMS; s++) {
            List<RecordedEvent> events = store.readStream(StreamId.of("account", "s-" + s), 1, 10_000);
            for (int i = 0; i < events.size(); i++) {
                assertThat(events.get(i).streamVersion()).isEqualTo(i + 1);
                amounts.add(((MoneyDeposited) events.get(i).event()).amountMinor());
            }
            total += events.size();
        }
        assertThat(total).isEqualTo(THREADS * APPENDS_PER_THREAD);
        assertThat(amounts).hasSize(THREADS * APPENDS_PER_THREAD);
        assertThat(conflicts.get()).as("real conflicts happened and were retried").isPositive();
    }
}
