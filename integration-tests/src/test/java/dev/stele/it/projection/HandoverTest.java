package dev.stele.it.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.it.events.AccountOpened;
import dev.stele.it.events.MoneyDeposited;
import dev.stele.it.events.MoneyWithdrawn;
import dev.stele.replication.ProjectionOptions;
import dev.stele.replication.ProjectionRunner;
import dev.stele.replication.ProjectionStatus;
import dev.stele.replication.RunnerStatus;
import dev.stele.store.ExpectedVersion;
import dev.stele.store.StreamId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A projection that starts on a store being written: its catch-up reads the table, the slot takes over, and
 * transactions that were open when the catch-up's snapshot was taken commit afterwards. {@link AccountBalances}
 * throws on any event that is not the next of its stream, so a repeated, skipped or reordered event stops it.
 */
class HandoverTest {

    private static final int WRITERS = 8;

    private Projections projections;

    @AfterEach
    void dropSlot() throws Exception {
        projections.dropSlot();
    }

    @Test
    void aProjectionStartedUnderConcurrentWritersSeesEachCommittedEventOnceAndInOrder() throws Exception {
        projections = new Projections();
        for (int writer = 0; writer < WRITERS; writer++) {
            for (int account = 0; account < 10; account++) {
                String id = "w" + writer + "-" + account;
                projections.store.append(StreamId.of("account", id), ExpectedVersion.noStream(),
                        List.of(new AccountOpened(id, "o"), new MoneyDeposited(id, 100)));
            }
        }
        // the publication and slot exist already, as after an earlier run of other projections
        try (var connection = Projections.DATA_SOURCE.getConnection(); var sql = connection.createStatement()) {
            sql.execute("CREATE PUBLICATION " + projections.slot + " FOR TABLE " + projections.schema
                    + ".stele_events");
            sql.execute("SELECT pg_create_logical_replication_slot('" + projections.slot + "', 'pgoutput')");
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong held = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 2);
        List<Future<?>> writers = new ArrayList<>();
        try {
            for (int writer = 0; writer < WRITERS; writer++) {
                int w = writer;
                writers.add(pool.submit(() -> {
                    write(w, writing);
                    return null;
                }));
            }
            // transactions open when the runner starts: its registration waits for them, then the boundary falls
            // between them and the writers' next ones
            for (int i = 0; i < 2; i++) {
                String id = "held-" + i;
                writers.add(pool.submit(() -> projections.store.inTransaction(tx -> {
                    tx.append(StreamId.of("account", id), ExpectedVersion.noStream(),
                            List.of(new AccountOpened(id, "o"), new MoneyDeposited(id, 7)));
                    held.incrementAndGet();
                    Thread.sleep(1500);
                    return null;
                })));
            }
            Projections.await(Duration.ofSeconds(10), () -> held.get() == 2);
            Thread.sleep(300);
            try (ProjectionRunner runner = projections.runner(ProjectionOptions.defaults().withPartitions(2)).build()) {
                runner.start();
                Projections.await(Duration.ofSeconds(30), () -> runner.status().state() == RunnerStatus.State.RUNNING);
                Thread.sleep(2000);
                writing.set(false);
                for (Future<?> writer : writers) {
                    writer.get();
                }
                projections.awaitProjected(Duration.ofSeconds(60));

                ProjectionStatus status = runner.status().projection("balances").orElseThrow();
                assertThat(status.state()).as("no event was repeated or out of order: %s", status.stoppedOn())
                        .isEqualTo(ProjectionStatus.State.LIVE);
                assertThat(status.applied()).as("each event applied once").isEqualTo(projections.eventCount());
                assertThat(projections.projected()).containsKeys("held-0", "held-1");
                // the test crossed the boundary: the catch-up saw some events, the slot applied the others
                String visibility = "SELECT pg_visible_in_snapshot(e.transaction_id, p.catch_up_snapshot)::text,"
                        + " count(*)::text FROM " + projections.schema + ".stele_events e, " + projections.schema
                        + ".stele_projections p";
                assertThat(Projections.query(visibility + " GROUP BY 1")).containsKeys("true", "false");
            }
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
    }

    private void write(int writer, AtomicBoolean writing) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (writing.get()) {
            String id = "w" + writer + "-" + random.nextInt(10);
            List<Object> events = new ArrayList<>();
            for (int i = random.nextInt(1, 4); i > 0; i--) {
                events.add(random.nextBoolean() ? new MoneyDeposited(id, random.nextInt(1, 100))
                        : new MoneyWithdrawn(id, random.nextInt(1, 50)));
            }
            projections.store.append(StreamId.of("account", id), ExpectedVersion.any(), events);
        }
    }
}
