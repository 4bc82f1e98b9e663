package dev.stele.it.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.it.events.Account;
import dev.stele.it.events.AccountOpened;
import dev.stele.it.events.MoneyDeposited;
import dev.stele.store.AggregateRepository;
import dev.stele.store.ConcurrencyConflictException;
import dev.stele.store.EventStore;
import dev.stele.store.ExpectedVersion;
import dev.stele.store.Loaded;
import dev.stele.store.StreamId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AggregateRepositoryTest {

    private final EventStore store = Stores.fresh();
    private final AggregateRepository<Account> accounts = store.aggregates(Account.class);

    @Test
    void anAggregateIsTheFoldOfItsStream() {
        store.append(StreamId.of("account", "a-1"), ExpectedVersion.noStream(), List.of(
                new AccountOpened("a-1", "Ada"), new MoneyDeposited("a-1", 500), new MoneyDeposited("a-1", 250)));

        Loaded<Account> loaded = accounts.load("a-1");

        assertThat(loaded.state()).isEqualTo(new Account("a-1", "Ada", 750, true));
        assertThat(loaded.version()).isEqualTo(3);
    }

    @Test
    void anAggregateWithoutEventsIsItsInitialState() {
        assertThat(accounts.load("nobody")).isEqualTo(new Loaded<>(new Account("nobody", "", 0, false), 0, 0));
    }

    @Test
    void anAggregateWithoutEventsDoesNotExistUntilItsFirstEvent() {
        Loaded<Account> nobody = accounts.load("a-1");

        assertThat(nobody.exists()).isFalse();
        assertThat(accounts.find("a-1")).isEmpty();

        Loaded<Account> opened = accounts.update("a-1", account -> List.of(new AccountOpened("a-1", "Ada")));

        assertThat(opened.exists()).isTrue();
        assertThat(accounts.load("a-1").exists()).isTrue();
        assertThat(accounts.find("a-1")).contains(opened);
        assertThat(accounts.find("a-2")).isEmpty();
    }

    @Test
    void anUpdateAppendsWhatTheCommandDecidesAndReturnsTheNewState() {
        accounts.update("a-1", account -> List.of(new AccountOpened("a-1", "Ada"), new MoneyDeposited("a-1", 100)));

        Loaded<Account> after = accounts.update("a-1", account -> account.withdraw(30));

        assertThat(after.state().balanceMinor()).isEqualTo(70);
        assertThat(after.version()).isEqualTo(3);
        assertThat(accounts.load("a-1")).isEqualTo(after);
        assertThatThrownBy(() -> accounts.update("a-1", account -> account.withdraw(1000)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not cover 1000");
        assertThat(store.version(accounts.stream("a-1"))).isEqualTo(3);
    }

    @Test
    void concurrentUpdatesAreRetriedOnConflictAndNoneIsLost() throws Exception {
        accounts.update("hot", account -> List.of(new AccountOpened("hot", "Ada")));
        int threads = 4;
        int deposits = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int i = 0; i < deposits; i++) {
                    accounts.withMaxAttempts(1000).update("hot", account -> List.of(new MoneyDeposited("hot", 1)));
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();

        Loaded<Account> hot = accounts.load("hot");
        assertThat(hot.state().balanceMinor()).isEqualTo(threads * deposits);
        assertThat(hot.version()).isEqualTo(1 + threads * deposits);
    }

    @Test
    void anUpdateGivesUpAfterItsAttemptsWithTheConflict() {
        accounts.update("a-1", account -> List.of(new AccountOpened("a-1", "Ada")));
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> accounts.withMaxAttempts(3).update("a-1", account -> {
            attempts.incrementAndGet();
            // another writer appends between this load and its append, every time
            store.append(accounts.stream("a-1"), ExpectedVersion.any(), List.of(new MoneyDeposited("a-1", 1)));
            return List.of(new MoneyDeposited("a-1", 100));
        })).isInstanceOf(ConcurrencyConflictException.class);
        assertThat(attempts.get()).isEqualTo(3);
        assertThat(accounts.load("a-1").state().balanceMinor()).isEqualTo(3);
    }

    @Test
    void aSnapshotIsTakenEveryTenEventsAndLoadingStartsFromIt() {
        accounts.update("a-1", account -> List.of(new AccountOpened("a-1", "Ada")));
        for (int i = 0; i < 11; i++) {
            accounts.update("a-1", account -> List.of(new MoneyDeposited("a-1", 10)));
        }

        Loaded<Account> loaded = accounts.load("a-1");

        assertThat(loaded.version()).isEqualTo(12);
        assertThat(loaded.snapshotVersion()).isEqualTo(10);
        assertThat(loaded.state()).isEqualTo(new Account("a-1", "Ada", 110, true));
    }

    @Test
    void aSnapshotOfAnotherStateSchemaIsIgnoredAndTheStreamReplayed() throws Exception {
        seedWithSnapshot();

        execute("UPDATE %s.stele_snapshots SET schema_fingerprint = 42, state = '{\"id\": \"a-1\", \"owner\":"
                + " \"Mallory\", \"balanceMinor\": 999999, \"open\": true}'");
        Loaded<Account> loaded = accounts.load("a-1");

        assertThat(loaded.snapshotVersion()).isZero();
        assertThat(loaded.state()).isEqualTo(new Account("a-1", "Ada", 50, true));
    }

    @Test
    void anUnreadableSnapshotIsIgnoredAndTheStreamReplayed() throws Exception {
        seedWithSnapshot();

        execute("UPDATE %s.stele_snapshots SET state = '{\"id\": \"a-1\"}'");
        Loaded<Account> loaded = accounts.load("a-1");

        assertThat(loaded.snapshotVersion()).isZero();
        assertThat(loaded.state()).isEqualTo(new Account("a-1", "Ada", 50, true));
    }

    @Test
    void aSnapshotReplacesADamagedOneAtItsVersionOrPastItAndTheNextLoadStartsFromIt() throws Exception {
        seedWithSnapshot();
        // damaged at the same version: the fingerprint holds, the state does not read
        execute("UPDATE %s.stele_snapshots SET state = '{\"id\": \"a-1\"}'");
        assertThat(accounts.load("a-1").snapshotVersion()).isZero();

        assertThat(accounts.snapshot("a-1").snapshotVersion()).isEqualTo(2);

        Loaded<Account> loaded = accounts.load("a-1");
        assertThat(loaded.snapshotVersion()).isEqualTo(2);
        assertThat(loaded.state()).isEqualTo(new Account("a-1", "Ada", 50, true));

        // damaged past the stream's version
        execute("UPDATE %s.stele_snapshots SET stream_version = 99, state = '{\"id\": \"a-1\"}'");
        accounts.snapshot("a-1");

        assertThat(accounts.load("a-1")).isEqualTo(new Loaded<>(new Account("a-1", "Ada", 50, true), 2, 2));
    }

    @Test
    void aSnapshotWaitsForAnAppendInFlightAndIncludesIt() throws Exception {
        accounts.update("a-1", account -> List.of(new AccountOpened("a-1", "Ada")));
        try (Connection appending = Stores.DATA_SOURCE.getConnection()) {
            appending.setAutoCommit(false);
            store.append(appending, accounts.stream("a-1"), ExpectedVersion.exactly(1),
                    List.of(new MoneyDeposited("a-1", 40)));
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<Loaded<Account>> snapshot = pool.submit(() -> accounts.snapshot("a-1"));
            awaitAdvisoryLockWait();
            appending.commit();

            assertThat(snapshot.get().snapshotVersion()).isEqualTo(2);
            pool.shutdown();
        }
        assertThat(accounts.load("a-1")).isEqualTo(new Loaded<>(new Account("a-1", "Ada", 40, true), 2, 2));
    }

    /** Waits until a backend waits for an advisory lock: a stream's append lock. */
    private static void awaitAdvisoryLockWait() throws Exception {
        try (Connection watcher = Stores.DATA_SOURCE.getConnection()) {
            for (int i = 0; i < 1000; i++) {
                try (ResultSet rows = watcher.createStatement().executeQuery(
                        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")) {
                    rows.next();
                    if (rows.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(10);
            }
        }
        throw new AssertionError("nothing waited for a stream's lock");
    }

    private void seedWithSnapshot() {
        accounts.update("a-1", account -> List.of(new AccountOpened("a-1", "Ada"), new MoneyDeposited("a-1", 50)));
        assertThat(accounts.snapshot("a-1").snapshotVersion()).isEqualTo(2);
        assertThat(accounts.load("a-1").snapshotVersion()).isEqualTo(2);
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = Stores.DATA_SOURCE.getConnection()) {
            connection.createStatement().execute(String.format(sql, AppendAndReadTest.schemaOf(store)));
        }
    }
}
