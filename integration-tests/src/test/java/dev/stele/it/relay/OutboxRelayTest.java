package dev.stele.it.relay;

import static dev.stele.it.relay.RelayFixture.await;
import static dev.stele.it.relay.RelayFixture.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.it.events.AccountOpened;
import dev.stele.it.events.MoneyDeposited;
import dev.stele.projection.Lsn;
import dev.stele.relay.OutboxRecord;
import dev.stele.relay.OutboxRelay;
import dev.stele.relay.Publisher;
import dev.stele.relay.RelaySlotException;
import dev.stele.relay.RelayStatus;
import dev.stele.relay.UnreadableOutboxException;
import dev.stele.store.EventMetadata;
import dev.stele.store.EventStore;
import dev.stele.store.ExpectedVersion;
import dev.stele.store.NewEvent;
import dev.stele.store.OutboxMode;
import dev.stele.store.StreamId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The relay on a real slot, publishing in-process: every record once per run, in commit order, nothing kept. */
class OutboxRelayTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @ParameterizedTest
    @EnumSource(value = OutboxMode.class, names = {"TABLE", "MESSAGES"})
    void everyAppendedEventIsPublishedOnceInCommitOrderWithTheRouterColumnsAndItsMetadata(OutboxMode mode)
            throws Exception {
        try (RelayFixture fixture = new RelayFixture(mode)) {
            List<OutboxRecord> published = new CopyOnWriteArrayList<>();
            try (OutboxRelay relay = fixture.relay(Publisher.synchronous(published::add)).build()) {
                relay.start();
                appendAccounts(fixture.store, 0, 30);
                fixture.store.append(StreamId.of("account", "a-0"), ExpectedVersion.any(), List.of(NewEvent.of(
                        new MoneyDeposited("a-0", 5), EventMetadata.empty().withCorrelationId("req-1")
                                .withCausationId("cmd-1"))));
                List<String> expected = fixture.eventIds();
                await(WAIT, () -> published.size() >= expected.size());
                assertThat(ids(published)).as("once each, in commit order").isEqualTo(expected);

                Map<String, String[]> stored = stored(fixture);
                for (OutboxRecord record : published) {
                    String[] row = stored.get(record.id().toString());
                    assertThat(record.aggregateType()).isEqualTo("account");
                    assertThat(record.aggregateId()).isEqualTo(row[0]);
                    assertThat(record.type()).isEqualTo(row[1]);
                    assertThat(record.eventVersion()).isEqualTo(Integer.parseInt(row[2]));
                    assertThat(record.payload()).as("the payload as jsonb prints it").isEqualTo(row[3]);
                    assertThat(record.recordedAt()).isEqualTo(java.time.Instant.parse(row[4]));
                }
                OutboxRecord last = published.get(published.size() - 1);
                assertThat(last.correlationId()).isEqualTo("req-1");
                assertThat(last.causationId()).isEqualTo("cmd-1");
                assertThat(published.get(0).correlationId()).isNull();
                assertThat(fixture.count("SELECT count(*) FROM " + fixture.schema + ".stele_outbox"))
                        .as("outbox rows do not accumulate").isZero();

                await(WAIT, () -> relay.status().slot().map(s -> !last.commitLsn().isAfter(s.confirmedFlushLsn()))
                        .orElse(false));
                RelayStatus status = relay.status();
                assertThat(status.state()).isEqualTo(RelayStatus.State.RUNNING);
                assertThat(status.published()).isEqualTo(expected.size());
                assertThat(status.inFlight()).isZero();
                assertThat(status.slot().orElseThrow().confirmedFlushLsn()).isEqualTo(status.confirmed());
            }
        }
    }

    @Test
    void aStoreMayMoveFromTheTableToMessagesWhileTheRelayRuns() throws Exception {
        try (RelayFixture fixture = new RelayFixture(OutboxMode.TABLE)) {
            List<OutboxRecord> published = new CopyOnWriteArrayList<>();
            try (OutboxRelay relay = fixture.relay(Publisher.synchronous(published::add)).build()) {
                relay.start();
                appendAccounts(fixture.store, 0, 10);
                appendAccounts(fixture.store(OutboxMode.MESSAGES), 10, 20);
                appendAccounts(fixture.store, 20, 25);
                List<String> expected = fixture.eventIds();
                await(WAIT, () -> published.size() >= expected.size());
                assertThat(ids(published)).isEqualTo(expected);
            }
        }
    }

    @Test
    void aFailedPublishIsRetriedFromTheConfirmedPositionAndNothingIsLostOrReordered() throws Exception {
        try (RelayFixture fixture = new RelayFixture(OutboxMode.TABLE)) {
            List<OutboxRecord> published = new CopyOnWriteArrayList<>();
            AtomicInteger calls = new AtomicInteger();
            AtomicInteger recoveries = new AtomicInteger();
            AtomicBoolean failed = new AtomicBoolean();
            // as a Kafka producer: after a failed record it delivers nothing more until it recovers
            Publisher failingTwice = new Publisher() {
                @Override
                public CompletableFuture<?> publish(OutboxRecord record) {
                    int call = calls.incrementAndGet();
                    if (call == 25) {
                        throw new IllegalStateException("the broker said no");
                    }
                    if (call == 61 || failed.get()) {
                        failed.set(true);
                        return CompletableFuture.failedFuture(new IllegalStateException("a late no"));
                    }
                    published.add(record);
                    return CompletableFuture.completedFuture(null);
                }

                @Override
                public void recover() {
                    failed.set(false);
                    recoveries.incrementAndGet();
                }
            };
            appendAccounts(fixture.store, 0, 1); // makes the tables before the relay's publication
            try (OutboxRelay relay = fixture.relay(failingTwice).build()) {
                relay.start();
                appendAccounts(fixture.store, 1, 40);
                List<String> expected = fixture.eventIds().subList(2, fixture.eventIds().size());
                await(WAIT, () -> new LinkedHashSet<>(ids(published)).size() >= expected.size());
                assertThat(recoveries).hasValue(2);
                assertThat(List.copyOf(new LinkedHashSet<>(ids(published))))
                        .as("every record, in order of first publication").isEqualTo(expected);
                assertThat(published.size()).as("some were published twice").isGreaterThan(expected.size());
            }
        }
    }

    @Test
    void aRestartedRelayPublishesWhatCommittedWhileItWasDownAndNothingItHadConfirmed() throws Exception {
        try (RelayFixture fixture = new RelayFixture(OutboxMode.TABLE)) {
            List<OutboxRecord> first = new CopyOnWriteArrayList<>();
            appendAccounts(fixture.store, 0, 1);
            Lsn confirmed;
            try (OutboxRelay relay = fixture.relay(Publisher.synchronous(first::add)).build()) {
                relay.start();
                appendAccounts(fixture.store, 1, 10);
                int expected = fixture.eventIds().size() - 2;
                await(WAIT, () -> first.size() >= expected);
                OutboxRecord last = first.get(first.size() - 1);
                await(WAIT, () -> !last.commitLsn().isAfter(relay.status().confirmed()));
                confirmed = relay.status().confirmed();
            }
            appendAccounts(fixture.store, 10, 20);
            List<OutboxRecord> second = new CopyOnWriteArrayList<>();
            try (OutboxRelay relay = fixture.relay(Publisher.synchronous(second::add)).build()) {
                relay.start();
                List<String> all = fixture.eventIds();
                List<String> missing = all.subList(2 + first.size(), all.size());
                await(WAIT, () -> second.size() >= missing.size());
                assertThat(ids(second)).isEqualTo(missing);
                assertThat(second).allSatisfy(r -> assertThat(confirmed.isAfter(r.commitLsn())).isFalse());
            }
        }
    }

    @Test
    void aPublisherThatHoldsBackStopsTheReadingAtMaxInFlightAndTheSlotHoldsTheLog() throws Exception {
        try (RelayFixture fixture = new RelayFixture(OutboxMode.TABLE)) {
            List<CompletableFuture<Void>> pending = new CopyOnWriteArrayList<>();
            List<OutboxRecord> handed = new CopyOnWriteArrayList<>();
            AtomicBoolean holding = new AtomicBoolean(true);
            Publisher slow = record -> {
                handed.add(record);
                CompletableFuture<Void> ack = new CompletableFuture<>();
                if (holding.get()) {
                    pending.add(ack);
                } else {
                    ack.complete(null);
                }
                return ack;
            };
            appendAccounts(fixture.store, 0, 1);
            try (OutboxRelay relay = fixture.relay(slow).maxInFlight(20).build()) {
                relay.start();
                appendAccounts(fixture.store, 1, 40);
                await(WAIT, () -> handed.size() >= 20);
                Thread.sleep(300); // would the reader hand over more? it must not
                RelayStatus held = relay.status();
                assertThat(handed).hasSize(20);
                assertThat(held.inFlight()).isEqualTo(20);
                assertThat(held.published()).isZero();
                assertThat(held.slot().orElseThrow().unconfirmedBytes()).as("the slot holds the log").isPositive();

                holding.set(false);
                pending.forEach(f -> f.complete(null));
                List<String> expected = fixture.eventIds().subList(2, fixture.eventIds().size());
                await(WAIT, () -> handed.size() >= expected.size());
                assertThat(ids(handed)).isEqualTo(expected);
                await(WAIT, () -> relay.status().published() == expected.size());
                assertThat(relay.status().published()).isEqualTo(expected.size());
            }
        }
    }

    @Test
    void anOutboxMessageThatCannotBeReadStopsTheRelayNamingTheFieldAndNothingAfterItIsConfirmed() throws Exception {
        try (RelayFixture fixture = new RelayFixture(OutboxMode.MESSAGES)) {
            List<OutboxRecord> published = new CopyOnWriteArrayList<>();
            try (OutboxRelay relay = fixture.relay(Publisher.synchronous(published::add)).build()) {
                relay.start();
                appendAccounts(fixture.store, 0, 3);
                await(WAIT, () -> published.size() >= 6);
                try (Connection connection = RelayFixture.DATA_SOURCE.getConnection();
                        Statement statement = connection.createStatement()) {
                    statement.execute("SELECT pg_logical_emit_message(true, 'stele.outbox',"
                            + " '{\"id\": \"not-a-uuid\", \"aggregatetype\": \"account\"}')");
                }
                appendAccounts(fixture.store, 3, 5);
                await(WAIT, () -> relay.status().state() == RelayStatus.State.FAILED);
                RelayStatus status = relay.status();
                assertThat(status.state()).isEqualTo(RelayStatus.State.FAILED);
                assertThat(status.problem().orElseThrow()).isInstanceOfSatisfying(UnreadableOutboxException.class,
                        e -> {
                            assertThat(e.field()).isEqualTo("id");
                            assertThat(e.getMessage()).contains("'not-a-uuid' is not a UUID");
                        });
                assertThat(published).hasSize(6);
                UnreadableOutboxException problem = (UnreadableOutboxException) status.problem().get();
                assertThat(status.slot().orElseThrow().confirmedFlushLsn().isAfter(problem.commitLsn()))
                        .as("not confirmed past it").isFalse();
            }
        }
    }

    @Test
    void aDroppedSlotIsRefusedAndNeverMadeAnewSilently() throws Exception {
        try (RelayFixture fixture = new RelayFixture(OutboxMode.TABLE)) {
            try (OutboxRelay relay = fixture.relay(Publisher.synchronous(r -> { })).build()) {
                relay.start();
            }
            try (Connection connection = RelayFixture.DATA_SOURCE.getConnection();
                    PreparedStatement drop = connection.prepareStatement("SELECT pg_drop_replication_slot(?)")) {
                drop.setString(1, fixture.slot);
                drop.execute();
            }
            try (OutboxRelay relay = fixture.relay(Publisher.synchronous(r -> { })).build()) {
                assertThatThrownBy(relay::start).isInstanceOfSatisfying(RelaySlotException.class, e -> {
                    assertThat(e.slotName()).isEqualTo(fixture.slot);
                    assertThat(e.getMessage()).contains("dropped").contains("forgetSlot");
                });
            }
            assertThat(fixture.count("SELECT count(*) FROM pg_replication_slots WHERE slot_name = '" + fixture.slot
                    + "'")).isZero();
        }
    }

    @Test
    void aSlotWhoseLogWasRemovedIsRefusedUntilForgottenThenANewOneRelaysWhatFollows() throws Exception {
        try (RelayFixture fixture = new RelayFixture(OutboxMode.TABLE)) {
            try (OutboxRelay relay = fixture.relay(Publisher.synchronous(r -> { })).build()) {
                relay.start();
            }
            try (Connection connection = RelayFixture.DATA_SOURCE.getConnection();
                    Statement sql = connection.createStatement()) {
                sql.execute("ALTER SYSTEM SET max_slot_wal_keep_size = '1MB'");
                sql.execute("SELECT pg_reload_conf()");
                try {
                    for (int segment = 0; segment < 20 && !walStatus(fixture.slot).equals("lost"); segment++) {
                        appendAccounts(fixture.store, segment, segment + 1);
                        sql.execute("SELECT pg_switch_wal()");
                        sql.execute("CHECKPOINT");
                    }
                    assertThat(walStatus(fixture.slot)).isEqualTo("lost");
                } finally {
                    sql.execute("ALTER SYSTEM RESET max_slot_wal_keep_size");
                    sql.execute("SELECT pg_reload_conf()");
                }
            }
            try (OutboxRelay relay = fixture.relay(Publisher.synchronous(r -> { })).build()) {
                assertThatThrownBy(relay::start).isInstanceOfSatisfying(RelaySlotException.class, e -> assertThat(e)
                        .hasMessageContaining("'" + fixture.slot + "'").hasMessageContaining("wal_status is 'lost'")
                        .hasMessageContaining("forgetSlot"));
            }

            OutboxRelay.forgetSlot(RelayFixture.DATA_SOURCE, fixture.options, fixture.slot);
            List<OutboxRecord> published = new CopyOnWriteArrayList<>();
            try (OutboxRelay relay = fixture.relay(Publisher.synchronous(published::add)).build()) {
                relay.start();
                appendAccounts(fixture.store, 100, 101);
                await(WAIT, () -> published.size() >= 2);
                assertThat(published).extracting(OutboxRecord::aggregateId).containsExactly("a-100", "a-100");
            }
        }
    }

    private static String walStatus(String slot) throws Exception {
        try (Connection connection = RelayFixture.DATA_SOURCE.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT coalesce(wal_status, 'none') FROM pg_replication_slots WHERE slot_name = ?")) {
            statement.setString(1, slot);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    /** Account {@code i} opened, then deposits: one append (one transaction) per account. */
    static void appendAccounts(EventStore store, int from, int to) {
        for (int i = from; i < to; i++) {
            store.append(StreamId.of("account", "a-" + i), ExpectedVersion.any(),
                    List.of(new AccountOpened("a-" + i, "owner " + i), new MoneyDeposited("a-" + i, 100 + i)));
        }
    }

    /** Per event id: stream id, name, version, payload text, recorded_at (ISO). */
    private static Map<String, String[]> stored(RelayFixture fixture) throws Exception {
        Map<String, String[]> rows = new HashMap<>();
        try (Connection connection = RelayFixture.DATA_SOURCE.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT event_id::text, stream_id,"
                        + " event_name, event_version::text, payload::text,"
                        + " to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"
                        + " FROM " + fixture.schema + ".stele_events");
                ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                rows.put(result.getString(1), new String[] {result.getString(2), result.getString(3),
                    result.getString(4), result.getString(5), result.getString(6)});
            }
        }
        return rows;
    }
}
