package dev.stele.it.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.catalog.EventEncodingException;
import dev.stele.it.events.AccountOpened;
import dev.stele.it.events.MoneyDeposited;
import dev.stele.it.events.MoneyWithdrawn;
import dev.stele.store.AppendResult;
import dev.stele.store.ConcurrencyConflictException;
import dev.stele.store.DuplicateEventException;
import dev.stele.store.EventMetadata;
import dev.stele.store.EventStore;
import dev.stele.store.EventStoreException;
import dev.stele.store.ExpectedVersion;
import dev.stele.store.NewEvent;
import dev.stele.store.RecordedEvent;
import dev.stele.store.StreamId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

class AppendAndReadTest {

    private final EventStore store = Stores.fresh();
    private final StreamId account = StreamId.of("account", "a-1");

    @Test
    void appendedEventsReadBackInOrderWithVersionsFromOne() {
        AppendResult result = store.append(account, ExpectedVersion.noStream(), List.of(
                new AccountOpened("a-1", "Ada"), new MoneyDeposited("a-1", 500), new MoneyWithdrawn("a-1", 200)));

        List<RecordedEvent> events = store.readStream(account, 1, 100);

        assertThat(result.nextExpectedVersion()).isEqualTo(3);
        assertThat(result.alreadyAppended()).isFalse();
        assertThat(events).extracting(RecordedEvent::streamVersion).containsExactly(1L, 2L, 3L);
        assertThat(events).extracting(RecordedEvent::event).containsExactly(
                new AccountOpened("a-1", "Ada"), new MoneyDeposited("a-1", 500), new MoneyWithdrawn("a-1", 200));
        assertThat(events).extracting(RecordedEvent::position).isSorted()
                .containsExactlyElementsOf(result.positions());
        assertThat(store.version(account)).isEqualTo(3);
    }

    @Test
    void readingBackwardsStartsFromTheGivenVersion() {
        store.append(account, ExpectedVersion.any(), List.of(new MoneyDeposited("a-1", 1), new MoneyDeposited("a-1", 2),
                new MoneyDeposited("a-1", 3)));

        assertThat(store.readStreamBackwards(account, 2, 10)).extracting(RecordedEvent::streamVersion)
                .containsExactly(2L, 1L);
        assertThat(store.readStream(account, 2, 1)).extracting(RecordedEvent::streamVersion).containsExactly(2L);
    }

    @Test
    void aStaleExpectedVersionIsAConflictNamingStreamExpectedAndActual() {
        store.append(account, ExpectedVersion.noStream(), List.of(new AccountOpened("a-1", "Ada")));
        store.append(account, ExpectedVersion.exactly(1), List.of(new MoneyDeposited("a-1", 10)));

        assertThatThrownBy(() -> store.append(account, ExpectedVersion.exactly(1),
                List.of(new MoneyDeposited("a-1", 20))))
                .isInstanceOfSatisfying(ConcurrencyConflictException.class, e -> {
                    assertThat(e.stream()).isEqualTo(account);
                    assertThat(e.expected()).isEqualTo(ExpectedVersion.exactly(1));
                    assertThat(e.actual()).isEqualTo(2);
                    assertThat(e).hasMessage("append to account-a-1 expected version 1 but the stream is at version 2");
                });
        assertThatThrownBy(() -> store.append(account, ExpectedVersion.noStream(),
                List.of(new AccountOpened("a-1", "Grace"))))
                .isInstanceOfSatisfying(ConcurrencyConflictException.class, e -> assertThat(e.actual()).isEqualTo(2));
        assertThatThrownBy(() -> store.append(StreamId.of("account", "nobody"), ExpectedVersion.exactly(3),
                List.of(new MoneyDeposited("nobody", 1))))
                .isInstanceOfSatisfying(ConcurrencyConflictException.class, e -> assertThat(e.actual()).isZero());
        assertThat(store.readStream(account, 1, 10)).hasSize(2);
    }

    @Test
    void aConflictNamesTheExpectedVersionAsTheCallerWroteIt() {
        store.append(account, ExpectedVersion.noStream(), List.of(new AccountOpened("a-1", "Ada")));

        assertThatThrownBy(() -> store.append(account, ExpectedVersion.noStream(),
                List.of(new AccountOpened("a-1", "Grace"))))
                .isInstanceOfSatisfying(ConcurrencyConflictException.class, e -> {
                    assertThat(e).hasMessage("append to account-a-1 expected no stream but the stream is at version 1");
                    assertThat(e.expected()).hasToString("noStream");
                    assertThat(e.expected().isNoStream()).isTrue();
                });
        assertThatThrownBy(() -> store.append(account, ExpectedVersion.exactly(0),
                List.of(new AccountOpened("a-1", "Grace"))))
                .isInstanceOfSatisfying(ConcurrencyConflictException.class, e -> {
                    assertThat(e).hasMessage("append to account-a-1 expected version 0 but the stream is at version 1");
                    assertThat(e.expected()).hasToString("exactly(0)");
                    assertThat(e.expected().isNoStream()).isTrue();
                });
        // the same meaning either way
        assertThat(ExpectedVersion.exactly(0)).isEqualTo(ExpectedVersion.noStream())
                .hasSameHashCodeAs(ExpectedVersion.noStream());
        assertThat(ExpectedVersion.exactly(7)).hasToString("exactly(7)");
        assertThat(ExpectedVersion.any()).hasToString("any");
        StreamId fresh = StreamId.of("account", "a-2");
        assertThat(store.append(fresh, ExpectedVersion.exactly(0), List.of(new AccountOpened("a-2", "Ada")))
                .nextExpectedVersion()).isEqualTo(1);
        assertThat(store.version(account)).isEqualTo(1);
    }

    @Test
    void appendingTheSameEventIdsAgainReturnsTheOriginalPositionsAndWritesNothing() {
        List<NewEvent> events = List.of(new NewEvent(UUID.randomUUID(), new AccountOpened("a-1", "Ada"),
                EventMetadata.empty()), new NewEvent(UUID.randomUUID(), new MoneyDeposited("a-1", 5),
                EventMetadata.empty()));
        AppendResult first = store.append(account, ExpectedVersion.noStream(), events);

        AppendResult retry = store.append(account, ExpectedVersion.noStream(), events);

        assertThat(retry.alreadyAppended()).isTrue();
        assertThat(retry.positions()).isEqualTo(first.positions());
        assertThat(retry.nextExpectedVersion()).isEqualTo(2);
        assertThat(store.readStream(account, 1, 10)).hasSize(2);
    }

    @Test
    void repeatingOnlySomeEventIdsIsNotARetry() {
        NewEvent opened = NewEvent.of(new AccountOpened("a-1", "Ada"));
        store.append(account, ExpectedVersion.any(), List.of(opened));

        assertThatThrownBy(() -> store.append(account, ExpectedVersion.any(),
                List.of(opened, NewEvent.of(new MoneyDeposited("a-1", 1)))))
                .isInstanceOfSatisfying(DuplicateEventException.class,
                        e -> assertThat(e.duplicates()).containsExactly(opened.eventId()));
        NewEvent sameIdElsewhere = new NewEvent(opened.eventId(), new AccountOpened("a-2", "Ada"),
                EventMetadata.empty());
        assertThatThrownBy(() -> store.append(StreamId.of("account", "a-2"), ExpectedVersion.any(),
                List.of(sameIdElsewhere)))
                .isInstanceOf(DuplicateEventException.class).hasMessageContaining("another stream");
        assertThat(store.version(account)).isEqualTo(1);
    }

    @Test
    void anEventIdRepeatedInOneAppendIsADuplicateNamingItFoundBeforeAnySqlRuns() {
        NewEvent deposit = NewEvent.of(new MoneyDeposited("a-1", 5));

        assertThatThrownBy(() -> store.append(account, ExpectedVersion.noStream(),
                List.of(new AccountOpened("a-1", "Ada"), deposit, deposit)))
                .isInstanceOfSatisfying(DuplicateEventException.class, e -> {
                    assertThat(e.stream()).isEqualTo(account);
                    assertThat(e.duplicates()).containsExactly(deposit.eventId());
                    assertThat(e).hasMessage("append to account-a-1 repeats event ids [" + deposit.eventId() + "]: the"
                            + " append holds the same id more than once (events 2 and 3); each event needs an id of"
                            + " its own");
                });
        assertThat(store.version(account)).isZero();

        // in the caller's transaction nothing was sent, so the transaction goes on
        store.inTransaction(tx -> {
            assertThatThrownBy(() -> tx.append(account, ExpectedVersion.noStream(), List.of(deposit, deposit)))
                    .isInstanceOf(DuplicateEventException.class);
            return tx.append(account, ExpectedVersion.noStream(), List.of(new AccountOpened("a-1", "Ada"), deposit));
        });
        assertThat(store.version(account)).isEqualTo(2);
    }

    @Test
    void aJoinedAppendThatLosesARaceForTheSameEventIdsIsADuplicateNotADatabaseError() throws Exception {
        NewEvent opened = NewEvent.of(new AccountOpened("a-1", "Ada"));
        try (Connection first = Stores.DATA_SOURCE.getConnection();
                Connection second = Stores.DATA_SOURCE.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            store.append(first, account, ExpectedVersion.any(), List.of(opened));
            // the second does not see the first's uncommitted event, so only the unique index can stop it
            ExecutorService pool = Executors.newSingleThreadExecutor();
            NewEvent sameIdElsewhere = new NewEvent(opened.eventId(), new AccountOpened("a-2", "Ada"),
                    EventMetadata.empty());
            Future<?> racing = pool.submit(() -> store.append(second, StreamId.of("account", "a-2"),
                    ExpectedVersion.any(), List.of(sameIdElsewhere)));
            awaitLockWait(second);
            first.commit();

            assertThatThrownBy(racing::get).hasCauseInstanceOf(DuplicateEventException.class)
                    .hasMessageContaining("a concurrent append of the same ids won");
            second.rollback();
            pool.shutdown();
        }
        assertThat(store.version(account)).isEqualTo(1);
        assertThat(store.version(StreamId.of("account", "a-2"))).isZero();
    }

    @Test
    void aUniqueViolationOfAnotherConstraintIsADatabaseErrorNotADuplicate() throws Exception {
        try (Connection connection = Stores.DATA_SOURCE.getConnection()) {
            // a row written behind the store's back takes version 1 of a stream the store has no row for
            connection.createStatement().execute("INSERT INTO " + schemaOf(store) + ".stele_events (event_id,"
                    + " stream_category, stream_id, stream_version, event_name, event_version, payload) VALUES"
                    + " (gen_random_uuid(), 'account', 'a-1', 1, 'AccountOpened', 1,"
                    + " '{\"accountId\": \"a-1\", \"owner\": \"Ada\"}')");
        }

        assertThatThrownBy(() -> store.append(account, ExpectedVersion.any(),
                List.of(new MoneyDeposited("a-1", 1))))
                .isInstanceOfSatisfying(EventStoreException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("23505");
                    assertThat(e).hasMessageContaining("append to account-a-1");
                });
        assertThat(store.version(account)).isZero();
    }

    @Test
    void metadataTravelsWithTheEvent() {
        EventMetadata metadata = EventMetadata.empty().withCorrelationId("req-7").withCausationId("cmd-3")
                .withHeader("tenant", "acme").withHeader("user", "ada");

        store.append(account, ExpectedVersion.any(), List.of(NewEvent.of(new AccountOpened("a-1", "Ada"), metadata)));

        assertThat(store.readStream(account, 1, 1).get(0).metadata()).isEqualTo(metadata);
    }

    @Test
    void theSixCharactersBackslashU0000AreStoredAndReadBackAsWritten() {
        String windowsPath = "C:\\u0000\\logs"; // backslash, u, 0, 0, 0, 0: no U+0000 in it
        String twoBackslashes = "\\\\u0000";
        assertThat(windowsPath).hasSize(13).doesNotContain("\0");
        EventMetadata metadata = EventMetadata.empty().withCorrelationId(twoBackslashes)
                .withHeader("path", windowsPath);
        List<Object> events = List.of(new AccountOpened("a-1", windowsPath),
                NewEvent.of(new AccountOpened("a-1", twoBackslashes), metadata));

        store.append(account, ExpectedVersion.noStream(), events);

        List<RecordedEvent> read = store.readStream(account, 1, 10);
        assertThat(read).extracting(RecordedEvent::event).containsExactly(new AccountOpened("a-1", windowsPath),
                new AccountOpened("a-1", twoBackslashes));
        assertThat(read.get(1).metadata()).isEqualTo(metadata);
    }

    @Test
    void aRealU0000IsAnEncodingErrorNamingTheEventAndFieldAndNothingIsWritten() {
        for (String owner : new String[] {"Ada\0", "C:\\\0", "\0\\u0000"}) {
            assertThatThrownBy(() -> store.append(account, ExpectedVersion.any(),
                    List.of(new MoneyDeposited("a-1", 1), new AccountOpened("a-1", owner))))
                    .isInstanceOfSatisfying(EventEncodingException.class, e -> {
                        assertThat(e.eventName()).isEqualTo("AccountOpened");
                        assertThat(e.fieldPath()).isEqualTo("owner");
                        assertThat(e.reason()).contains("U+0000");
                    });
        }
        assertThat(store.version(account)).isZero();
    }

    @Test
    void u0000InMetadataIsAnEncodingErrorNamingTheEventBeforeAnySqlRuns() {
        Map<EventMetadata, String> cases = Map.of(
                EventMetadata.empty().withHeader("tenant", "ac\0me"), "its metadata header 'tenant'",
                EventMetadata.empty().withHeader("ten\0ant", "acme"), "the name of its metadata header 'ten\\u0000ant'",
                EventMetadata.empty().withCorrelationId("req\0"), "its metadata's correlationId",
                EventMetadata.empty().withCausationId("\0"), "its metadata's causationId");
        cases.forEach((metadata, where) -> assertThatThrownBy(() -> store.append(account, ExpectedVersion.any(),
                List.of(new AccountOpened("a-1", "Ada"), NewEvent.of(new MoneyDeposited("a-1", 1), metadata))))
                .isInstanceOfSatisfying(EventEncodingException.class, e -> {
                    assertThat(e.eventName()).isEqualTo("MoneyDeposited");
                    assertThat(e.reason()).isEqualTo(where + " holds the character U+0000, which PostgreSQL's"
                            + " jsonb cannot store");
                }));
        assertThat(store.version(account)).isZero();

        // in the caller's transaction nothing was sent, so the transaction goes on
        store.inTransaction(tx -> {
            assertThatThrownBy(() -> tx.append(account, ExpectedVersion.noStream(), List.of(NewEvent.of(
                    new AccountOpened("a-1", "Ada"), EventMetadata.empty().withHeader("tenant", "\0")))))
                    .isInstanceOf(EventEncodingException.class);
            return tx.append(account, ExpectedVersion.noStream(), List.of(new AccountOpened("a-1", "Ada")));
        });
        assertThat(store.version(account)).isEqualTo(1);
    }

    @Test
    void anEventWithoutMetadataStoresAnEmptyObject() throws Exception {
        store.append(account, ExpectedVersion.noStream(), List.of(new AccountOpened("a-1", "Ada"),
                NewEvent.of(new MoneyDeposited("a-1", 5), EventMetadata.empty().withCorrelationId("req-7"))));

        try (var connection = Stores.DATA_SOURCE.getConnection(); ResultSet rows = connection.createStatement()
                .executeQuery("SELECT metadata::text FROM " + schemaOf(store) + ".stele_events"
                        + " ORDER BY stream_version")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("{}");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("{\"correlationId\": \"req-7\"}");
        }
    }

    @Test
    void aBatchOfMoreThanAThousandEventsWithAndWithoutMetadataReadsBackAsAppended() {
        EventMetadata traced = EventMetadata.empty().withCorrelationId("req-1");
        for (int size : new int[] {1000, 1001}) {
            StreamId stream = StreamId.of("account", "batch-" + size);
            List<NewEvent> events = new java.util.ArrayList<>();
            for (int i = 0; i < size; i++) {
                EventMetadata metadata = i % 2 == 0 ? EventMetadata.empty() : traced;
                events.add(NewEvent.of(new MoneyDeposited(stream.id(), i), metadata));
            }

            AppendResult result = store.append(stream, ExpectedVersion.noStream(), events);

            List<RecordedEvent> read = store.readStream(stream, 1, 2000);
            assertThat(result.nextExpectedVersion()).isEqualTo(size);
            assertThat(read).extracting(RecordedEvent::position).isSorted()
                    .containsExactlyElementsOf(result.positions());
            assertThat(read).extracting(RecordedEvent::event).containsExactlyElementsOf(
                    events.stream().map(NewEvent::event).toList());
            assertThat(read).extracting(RecordedEvent::metadata).containsExactlyElementsOf(
                    events.stream().map(NewEvent::metadata).toList());
        }
    }

    @Test
    void anAppendJoinsTheCallersTransactionAndCommitsOrRollsBackWithIt() throws Exception {
        String ledger = schemaOf(store) + ".ledger";
        store.inTransaction(tx -> tx.connection().createStatement().execute("CREATE TABLE " + ledger + " (note text)"));

        assertThatThrownBy(() -> store.inTransaction(tx -> {
            tx.connection().createStatement().execute("INSERT INTO " + ledger + " VALUES ('opened')");
            tx.append(account, ExpectedVersion.noStream(), List.of(new AccountOpened("a-1", "Ada")));
            throw new IllegalStateException("the caller's own work failed");
        })).hasMessage("the caller's own work failed");
        assertThat(store.version(account)).isZero();
        assertThat(count(ledger)).isZero();

        store.inTransaction(tx -> {
            tx.connection().createStatement().execute("INSERT INTO " + ledger + " VALUES ('opened')");
            return tx.append(account, ExpectedVersion.noStream(), List.of(new AccountOpened("a-1", "Ada")));
        });
        assertThat(store.version(account)).isEqualTo(1);
        assertThat(count(ledger)).isEqualTo(1);
    }

    @Test
    void aTransactionReadsThroughItsOwnConnectionSoItCanReadThenAppend() {
        store.append(account, ExpectedVersion.noStream(), List.of(new AccountOpened("a-1", "Ada"),
                new MoneyDeposited("a-1", 100), new MoneyDeposited("a-1", 20)));

        AppendResult closed = store.inTransaction(tx -> {
            long version = tx.version(account);
            long balance = tx.readStream(account, 1, 100).stream().map(RecordedEvent::event)
                    .filter(MoneyDeposited.class::isInstance)
                    .mapToLong(event -> ((MoneyDeposited) event).amountMinor()).sum();
            AppendResult withdrawn = tx.append(account, ExpectedVersion.exactly(version),
                    List.of(new MoneyWithdrawn("a-1", balance)));

            // the transaction sees its own append; no one else does before it commits
            assertThat(tx.version(account)).isEqualTo(4);
            assertThat(tx.readStream(account, 4, 10)).extracting(RecordedEvent::event)
                    .containsExactly(new MoneyWithdrawn("a-1", 120));
            assertThat(tx.readStreamBackwards(account, 4, 2)).extracting(RecordedEvent::streamVersion)
                    .containsExactly(4L, 3L);
            assertThat(store.version(account)).isEqualTo(3);
            assertThat(store.readStream(account, 4, 10)).isEmpty();
            return withdrawn;
        });

        assertThat(closed.nextExpectedVersion()).isEqualTo(4);
        assertThat(store.readStream(account, 4, 10)).extracting(RecordedEvent::event)
                .containsExactly(new MoneyWithdrawn("a-1", 120));

        // reading locks nothing: a writer that commits in between makes the append a conflict
        assertThatThrownBy(() -> store.inTransaction(tx -> {
            long version = tx.version(account);
            store.append(account, ExpectedVersion.exactly(version), List.of(new MoneyDeposited("a-1", 1)));
            return tx.append(account, ExpectedVersion.exactly(version), List.of(new MoneyDeposited("a-1", 2)));
        })).isInstanceOfSatisfying(ConcurrencyConflictException.class, e -> assertThat(e.actual()).isEqualTo(5));
        assertThat(store.version(account)).isEqualTo(5);
    }

    /** Waits until {@code connection}'s backend waits for a lock. */
    static void awaitLockWait(Connection connection) throws Exception {
        int pid = connection.unwrap(PGConnection.class).getBackendPID();
        try (Connection watcher = Stores.DATA_SOURCE.getConnection(); PreparedStatement waiting =
                watcher.prepareStatement("SELECT wait_event_type = 'Lock' FROM pg_stat_activity WHERE pid = ?")) {
            waiting.setInt(1, pid);
            for (int i = 0; i < 1000; i++) {
                try (ResultSet rows = waiting.executeQuery()) {
                    if (rows.next() && rows.getBoolean(1)) {
                        return;
                    }
                }
                Thread.sleep(10);
            }
        }
        throw new AssertionError("backend " + pid + " never waited for a lock");
    }

    private static long count(String table) throws Exception {
        try (var connection = Stores.DATA_SOURCE.getConnection();
                ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void eachAppendWritesItsOutboxRowsAndDeletesThemInTheSameTransaction() throws Exception {
        String schema = schemaOf(store);
        try (var connection = Stores.DATA_SOURCE.getConnection(); var statement = connection.createStatement()) {
            // a witness of the inserts, which the WAL keeps for the relay while the table itself stays empty
            statement.execute("CREATE TABLE " + schema + ".outbox_seen (LIKE " + schema + ".stele_outbox,"
                    + " xid xid8 NOT NULL DEFAULT pg_current_xact_id())");
            statement.execute("CREATE FUNCTION " + schema + ".witness() RETURNS trigger LANGUAGE plpgsql AS $$"
                    + " BEGIN INSERT INTO " + schema + ".outbox_seen SELECT NEW.*; RETURN NEW; END $$");
            statement.execute("CREATE TRIGGER witness AFTER INSERT ON " + schema + ".stele_outbox FOR EACH ROW"
                    + " EXECUTE FUNCTION " + schema + ".witness()");
        }
        AppendResult result = store.append(account, ExpectedVersion.any(), List.of(new MoneyDeposited("a-1", 42),
                NewEvent.of(new MoneyDeposited("a-1", 43), EventMetadata.empty().withCorrelationId("req-7"))));

        try (var connection = Stores.DATA_SOURCE.getConnection(); PreparedStatement statement =
                connection.prepareStatement("SELECT aggregatetype, aggregateid, type, payload::text, event_version,"
                        + " metadata->>'correlationId', xid::text FROM " + schema + ".outbox_seen ORDER BY payload::text")) {
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("account");
                assertThat(rows.getString(2)).isEqualTo("a-1");
                assertThat(rows.getString(3)).isEqualTo("MoneyDeposited");
                assertThat(rows.getString(4)).isEqualTo("{\"accountId\": \"a-1\", \"amountMinor\": 42}");
                assertThat(rows.getInt(5)).isEqualTo(1);
                assertThat(rows.getString(6)).isNull();
                assertThat(Long.parseLong(rows.getString(7))).as("in the append's transaction")
                        .isEqualTo(result.positions().get(0).transactionId());
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(6)).isEqualTo("req-7");
                assertThat(rows.next()).isFalse();
            }
        }
        try (var connection = Stores.DATA_SOURCE.getConnection(); var rows = connection.createStatement()
                .executeQuery("SELECT count(*) FROM " + schema + ".stele_outbox")) {
            rows.next();
            assertThat(rows.getLong(1)).as("deleted again in the same transaction").isZero();
        }
    }

    static String schemaOf(EventStore store) throws Exception {
        var field = EventStore.class.getDeclaredField("tables");
        field.setAccessible(true);
        return ((dev.stele.store.internal.Tables) field.get(store)).schema;
    }
}
