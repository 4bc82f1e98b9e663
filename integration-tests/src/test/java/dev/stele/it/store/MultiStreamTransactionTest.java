package dev.stele.it.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.it.events.MoneyDeposited;
import dev.stele.store.AppendResult;
import dev.stele.store.ConcurrencyConflictException;
import dev.stele.store.DeadlockException;
import dev.stele.store.EventStore;
import dev.stele.store.ExpectedVersion;
import dev.stele.store.Position;
import dev.stele.store.StreamId;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Transactions that append to several streams: their locks, deadlocks and retries. */
class MultiStreamTransactionTest {

    private final EventStore store = Stores.fresh();
    private final StreamId a = StreamId.of("account", "a");
    private final StreamId b = StreamId.of("account", "b");
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void twoTransactionsAppendingToTwoStreamsInOppositeOrdersDeadlockAndTheLoserRunsAgain() throws Exception {
        CyclicBarrier eachHoldsOne = new CyclicBarrier(2);
        AtomicInteger aThenBRuns = new AtomicInteger();
        AtomicInteger bThenARuns = new AtomicInteger();

        Future<AppendResult> aThenB = pool.submit(() -> transfer(a, b, aThenBRuns, eachHoldsOne));
        Future<AppendResult> bThenA = pool.submit(() -> transfer(b, a, bThenARuns, eachHoldsOne));

        assertThat(aThenB.get(30, TimeUnit.SECONDS).nextExpectedVersion()).isIn(1L, 2L);
        assertThat(bThenA.get(30, TimeUnit.SECONDS).nextExpectedVersion()).isIn(1L, 2L);
        // PostgreSQL rolled one of them back to break the deadlock; inTransaction ran its work again
        assertThat(aThenBRuns.get() + bThenARuns.get()).isEqualTo(3);
        assertThat(store.version(a)).isEqualTo(2);
        assertThat(store.version(b)).isEqualTo(2);
        assertThat(versionsInAll(a)).containsExactly(1L, 2L);
        assertThat(versionsInAll(b)).containsExactly(1L, 2L);
    }

    /** Appends to {@code first}, waits the first time until the other transfer holds its first stream too. */
    private AppendResult transfer(StreamId first, StreamId second, AtomicInteger runs, CyclicBarrier eachHoldsOne)
            throws Exception {
        return store.inTransaction(tx -> {
            int run = runs.incrementAndGet();
            tx.append(first, ExpectedVersion.any(), List.of(new MoneyDeposited(first.id(), 1)));
            if (run == 1) {
                eachHoldsOne.await(10, TimeUnit.SECONDS);
            }
            return tx.append(second, ExpectedVersion.any(), List.of(new MoneyDeposited(second.id(), 1)));
        });
    }

    @Test
    void aDeadlockInTheCallersOwnTransactionIsATypedRetryableError() throws Exception {
        try (Connection one = Stores.DATA_SOURCE.getConnection(); Connection two = Stores.DATA_SOURCE.getConnection()) {
            one.setAutoCommit(false);
            two.setAutoCommit(false);
            store.append(one, a, ExpectedVersion.any(), List.of(new MoneyDeposited("a", 1)));
            store.append(two, b, ExpectedVersion.any(), List.of(new MoneyDeposited("b", 1)));
            Future<AppendResult> oneToB = pool.submit(() -> store.append(one, b, ExpectedVersion.any(),
                    List.of(new MoneyDeposited("b", 2))));
            AppendAndReadTest.awaitLockWait(one);
            Future<AppendResult> twoToA = pool.submit(() -> store.append(two, a, ExpectedVersion.any(),
                    List.of(new MoneyDeposited("a", 2))));

            List<Throwable> failures = new ArrayList<>();
            for (Future<AppendResult> append : List.of(oneToB, twoToA)) {
                try {
                    append.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                }
            }

            assertThat(failures).singleElement().isInstanceOfSatisfying(DeadlockException.class, e -> {
                assertThat(e.sqlState()).isEqualTo("40P01");
                assertThat(e.retryable()).isTrue();
                assertThat(e).hasMessageStartingWith("append to account-");
            });
            one.rollback();
            two.rollback();
        }
        assertThat(store.version(a)).isZero();
        assertThat(store.version(b)).isZero();
    }

    @Test
    void anAppendRefusedForTheTransactionsAgeRunsAgainInANewTransaction() throws Exception {
        store.append(a, ExpectedVersion.noStream(), List.of(new MoneyDeposited("a", 1)));
        AtomicInteger runs = new AtomicInteger();

        AppendResult result = store.inTransaction(tx -> {
            // the work writes first, which gives its transaction an id...
            tx.connection().createStatement().execute("SELECT pg_current_xact_id()");
            if (runs.incrementAndGet() == 1) {
                // ...and a younger transaction appends to the stream before it does
                store.append(a, ExpectedVersion.any(), List.of(new MoneyDeposited("a", 2)));
            }
            return tx.append(a, ExpectedVersion.any(), List.of(new MoneyDeposited("a", 3)));
        });

        assertThat(runs.get()).isEqualTo(2);
        assertThat(result.nextExpectedVersion()).isEqualTo(3);
        assertThat(versionsInAll(a)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aVersionConflictInATransactionIsNotRunAgain() {
        store.append(a, ExpectedVersion.noStream(), List.of(new MoneyDeposited("a", 1)));
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> store.inTransaction(tx -> {
            runs.incrementAndGet();
            return tx.append(a, ExpectedVersion.noStream(), List.of(new MoneyDeposited("a", 2)));
        })).isInstanceOfSatisfying(ConcurrencyConflictException.class,
                e -> assertThat(e.olderTransaction()).isFalse());
        assertThat(runs.get()).isEqualTo(1);
    }

    private List<Long> versionsInAll(StreamId stream) {
        List<Long> versions = new ArrayList<>();
        store.readAll(Position.START, event -> {
            if (event.stream().equals(stream)) {
                versions.add(event.streamVersion());
            }
        });
        return versions;
    }
}
