package dev.stele.it.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.catalog.EventEncodingException;
import dev.stele.it.events.Account;
import dev.stele.it.events.AccountOpened;
import dev.stele.it.events.MoneyDeposited;
import dev.stele.store.AggregateRepository;
import dev.stele.store.AllSlice;
import dev.stele.store.ConcurrencyConflictException;
import dev.stele.store.EventMetadata;
import dev.stele.store.EventStore;
import dev.stele.store.ExpectedVersion;
import dev.stele.store.NewEvent;
import dev.stele.store.Position;
import dev.stele.store.RecordedEvent;
import dev.stele.store.StreamId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/** $all keeps each stream in version order, and transactions end as their callers expect. */
class TransactionOrderTest {

    private final EventStore store = Stores.fresh();
    private final StreamId stream = StreamId.of("account", "a-1");

    @Test
    void aJoinedAppendFromATransactionOlderThanTheStreamsLastWriterIsRefusedSoAllStaysInStreamOrder()
            throws Exception {
        try (Connection older = Stores.DATA_SOURCE.getConnection()) {
            older.setAutoCommit(false);
            // the caller's transaction writes something of its own first, which gives it its transaction id
            older.createStatement().execute("CREATE TEMPORARY TABLE scratch (x int) ON COMMIT DROP");
            older.createStatement().execute("INSERT INTO scratch VALUES (1)");
            older.createStatement().execute("SELECT pg_current_xact_id()");
            store.append(stream, ExpectedVersion.noStream(), List.of(new AccountOpened("a-1", "Ada")));

            assertThatThrownBy(() -> store.append(older, stream, ExpectedVersion.exactly(1),
                    List.of(new MoneyDeposited("a-1", 5))))
                    .isInstanceOfSatisfying(ConcurrencyConflictException.class, e -> {
                        assertThat(e.olderTransaction()).isTrue();
                        assertThat(e.actual()).isEqualTo(1);
                        assertThat(e).hasMessageContaining("retry it in a new transaction");
                    });
            older.rollback();
        }
        store.append(stream, ExpectedVersion.exactly(1), List.of(new MoneyDeposited("a-1", 5)));

        assertThat(streamOrderInAll()).containsExactly(1L, 2L);
    }

    @Test
    void concurrentAppendsWithAnyVersionKeepEachStreamInOrderInAll() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            writers.add(pool.submit(() -> {
                for (int i = 0; i < 100; i++) {
                    store.append(stream, ExpectedVersion.any(), List.of(new MoneyDeposited("a-1", 1)));
                }
                return null;
            }));
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();

        List<Long> versions = streamOrderInAll();
        assertThat(versions).hasSize(400).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void concurrentAppendsWithAnyVersionToOneHotStreamAreNeverRefusedForTheirTransactionsAge() throws Exception {
        LongAdder rollbacks = new LongAdder();
        EventStore counted = Stores.countingRollbacks(rollbacks);
        int threads = 8;
        int appends = 200;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            writers.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < appends; i++) {
                    counted.append(stream, ExpectedVersion.any(), List.of(new MoneyDeposited("a-1", 1)));
                }
                return null;
            }));
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();

        // each append takes the stream's lock before its transaction has an id, so its id is younger than
        // that of every append before it: none is refused and retried
        assertThat(rollbacks.sum()).as("appends rolled back and retried").isZero();
        assertThat(counted.version(stream)).isEqualTo(threads * appends);
        List<Long> versions = new ArrayList<>();
        counted.readAll(Position.START, event -> versions.add(event.streamVersion()));
        assertThat(versions).hasSize(threads * appends).isSorted().doesNotHaveDuplicates();
    }

    /**
     * Transaction ids compare as numbers in every form of {@code $all}, also where one has more digits than the
     * next: the streaming read once ordered by its text output column, which put transaction 1000 before 999.
     */
    @Test
    void allIsInTransactionOrderAcrossADigitBoundaryInEveryForm() throws SQLException {
        String events = store.options().schema() + ".stele_events";
        String payload = new String(Stores.CATALOG.toJson(new MoneyDeposited("a-9", 1)).payload(),
                java.nio.charset.StandardCharsets.UTF_8);
        try (Connection connection = Stores.DATA_SOURCE.getConnection();
                java.sql.PreparedStatement insert = connection.prepareStatement("INSERT INTO " + events
                        + " (transaction_id, event_id, stream_category, stream_id, stream_version, event_name,"
                        + " event_version, payload) VALUES (?::xid8, ?, 'account', ?, 1, 'MoneyDeposited', 1,"
                        + " ?::jsonb)")) {
            // older than any transaction running now, so $all shows them; inserted out of transaction order
            for (String xid : List.of("10", "9", "100", "99")) {
                insert.setString(1, xid);
                insert.setObject(2, UUID.randomUUID());
                insert.setString(3, "x-" + xid);
                insert.setString(4, payload);
                insert.executeUpdate();
            }
        }
        List<String> streaming = new ArrayList<>();
        store.readAll(Position.START, event -> streaming.add(event.stream().id()));
        List<String> batched = new ArrayList<>();
        store.readAll(Position.START, 10).events().forEach(event -> batched.add(event.stream().id()));

        assertThat(streaming).containsExactly("x-9", "x-10", "x-99", "x-100");
        assertThat(batched).containsExactly("x-9", "x-10", "x-99", "x-100");
    }

    @Test
    void retryingAnUpdateWhoseEventsWereStoredDoesNotApplyThemTwice() {
        AggregateRepository<Account> accounts = store.aggregates(Account.class);
        accounts.update("a-1", account -> List.of(new AccountOpened("a-1", "Ada")));
        NewEvent deposit = new NewEvent(UUID.randomUUID(), new MoneyDeposited("a-1", 100), EventMetadata.empty());
        accounts.update("a-1", account -> List.of(deposit));

        // the client did not hear back and sends the same command, with the same event id, again
        var retried = accounts.update("a-1", account -> List.of(deposit));

        assertThat(retried.state().balanceMinor()).isEqualTo(100);
        assertThat(retried.version()).isEqualTo(2);
        assertThat(accounts.load("a-1").state().balanceMinor()).isEqualTo(100);
    }

    @Test
    void theCallersOwnSqlExceptionReachesItUnwrapped() {
        assertThatThrownBy(() -> store.inTransaction(tx -> {
            tx.append(stream, ExpectedVersion.noStream(), List.of(new AccountOpened("a-1", "Ada")));
            return tx.connection().createStatement().executeQuery("SELECT * FROM no_such_table");
        })).isInstanceOf(SQLException.class).hasMessageContaining("no_such_table");
        assertThat(store.version(stream)).isZero();
    }

    @Test
    void anErrorInsideTheTransactionRollsItBack() {
        assertThatThrownBy(() -> store.inTransaction(tx -> {
            tx.append(stream, ExpectedVersion.noStream(), List.of(new AccountOpened("a-1", "Ada")));
            throw new AssertionError("an assertion in the caller's work");
        })).isInstanceOf(AssertionError.class);

        assertThat(store.version(stream)).isZero();
    }

    @Test
    void aStringJsonbCannotStoreIsATypedEncodingError() {
        assertThatThrownBy(() -> store.append(stream, ExpectedVersion.any(),
                List.of(new AccountOpened("a-1", "Ada\u0000"))))
                .isInstanceOfSatisfying(EventEncodingException.class, e -> {
                    assertThat(e.eventName()).isEqualTo("AccountOpened");
                    assertThat(e.reason()).contains("U+0000");
                });
        assertThat(store.version(stream)).isZero();
    }

    private List<Long> streamOrderInAll() {
        List<Long> versions = new ArrayList<>();
        Position cursor = Position.START;
        AllSlice slice;
        do {
            slice = store.readAll(cursor, 100);
            for (RecordedEvent event : slice.events()) {
                if (event.stream().equals(stream)) {
                    versions.add(event.streamVersion());
                }
            }
            cursor = slice.next();
        } while (!slice.isEmpty());
        return versions;
    }
}
