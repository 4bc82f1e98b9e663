package dev.stele.it.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stele.catalog.EventDecodingException;
import dev.stele.catalog.UnknownEventException;
import dev.stele.it.events.MoneyDeposited;
import dev.stele.store.AllSlice;
import dev.stele.store.EventMetadata;
import dev.stele.store.EventStore;
import dev.stele.store.ExpectedVersion;
import dev.stele.store.NewEvent;
import dev.stele.store.Position;
import dev.stele.store.RecordedEvent;
import dev.stele.store.StoredEventException;
import dev.stele.store.StreamId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AllReadingTest {

    private final EventStore store = Stores.fresh();

    @Test
    void aReaderNeverSkipsAnEventWhoseTransactionCommitsAfterALaterOne() throws Exception {
        StreamId slow = StreamId.of("account", "slow");
        StreamId fast = StreamId.of("account", "fast");
        List<Long> seen = new ArrayList<>();
        Position cursor = Position.START;
        try (Connection first = Stores.DATA_SOURCE.getConnection()) {
            first.setAutoCommit(false);
            // the slow transaction takes the lower global position and stays open
            long slowPosition = store.append(first, slow, ExpectedVersion.any(),
                    List.of(new MoneyDeposited("slow", 1))).positions().get(0).globalPosition();
            long fastPosition = store.append(fast, ExpectedVersion.any(), List.of(new MoneyDeposited("fast", 2)))
                    .positions().get(0).globalPosition();
            assertThat(slowPosition).isLessThan(fastPosition);

            // while it is open, a reader polling $all sees neither: passing the fast one would skip the slow one
            AllSlice whileOpen = store.readAll(cursor, 100);
            assertThat(whileOpen.events()).isEmpty();
            cursor = whileOpen.next();

            first.commit();
        }
        for (int poll = 0; poll < 3; poll++) {
            AllSlice slice = store.readAll(cursor, 1);
            slice.events().forEach(event -> seen.add(event.position().globalPosition()));
            cursor = slice.next();
        }
        assertThat(seen).hasSize(2);
        assertThat(store.readAll(Position.START, 100).events()).extracting(RecordedEvent::stream)
                .containsExactlyInAnyOrder(slow, fast);
    }

    @Test
    void allIsReadInBatchesFromAPosition() {
        for (int i = 0; i < 25; i++) {
            store.append(StreamId.of("account", "a-" + (i % 3)), ExpectedVersion.any(),
                    List.of(new MoneyDeposited("a-" + (i % 3), i)));
        }
        List<Long> amounts = new ArrayList<>();
        Position cursor = Position.START;
        AllSlice slice;
        do {
            slice = store.readAll(cursor, 10);
            slice.events().forEach(event -> amounts.add(((MoneyDeposited) event.event()).amountMinor()));
            cursor = slice.next();
        } while (!slice.isEmpty());

        assertThat(amounts).hasSize(25).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void aStreamingCatchUpReadsWhatTheBatchesReadAndStopsWhereTheyWould() throws Exception {
        for (int i = 0; i < 25; i++) {
            store.append(StreamId.of("account", "a-" + (i % 3)), ExpectedVersion.any(),
                    List.of(new MoneyDeposited("a-" + (i % 3), i)));
        }
        List<RecordedEvent> streamed = new ArrayList<>();

        Position last = store.readAll(Position.START, streamed::add);

        assertThat(streamed).extracting(RecordedEvent::position)
                .containsExactlyElementsOf(store.readAll(Position.START, 100).events().stream()
                        .map(RecordedEvent::position).toList());
        assertThat(last).isEqualTo(streamed.get(24).position());
        List<RecordedEvent> more = new ArrayList<>();
        assertThat(store.readAll(last, more::add)).isEqualTo(last);
        assertThat(more).isEmpty();

        try (Connection open = Stores.DATA_SOURCE.getConnection()) {
            open.setAutoCommit(false);
            store.append(open, StreamId.of("account", "late"), ExpectedVersion.any(),
                    List.of(new MoneyDeposited("late", 1)));
            store.append(StreamId.of("account", "early"), ExpectedVersion.any(), List.of(new MoneyDeposited("early", 2)));
            assertThat(store.readAll(last, more::add)).as("nothing passes an open transaction").isEqualTo(last);
            open.commit();
        }
        store.readAll(last, more::add);
        assertThat(more).extracting(event -> event.stream().id()).containsExactly("late", "early");
    }

    @Test
    void anUnknownEventTypeStopsTheReadWithItsPositionAndStream() throws Exception {
        store.append(StreamId.of("account", "a-1"), ExpectedVersion.any(), List.of(new MoneyDeposited("a-1", 1)));
        long position = insertBehindTheRuntime("'InterestPaid', 1, '{\"accountId\": \"a-1\"}'");

        assertThatThrownBy(() -> store.readAll(Position.START, 10))
                .isInstanceOfSatisfying(StoredEventException.class, e -> {
                    assertThat(e.globalPosition()).isEqualTo(position);
                    assertThat(e.stream()).isEqualTo(StreamId.of("account", "a-1"));
                    assertThat(e.eventName()).isEqualTo("InterestPaid");
                    assertThat(e.getCause()).isInstanceOf(UnknownEventException.class);
                });
        assertThatThrownBy(() -> store.readStream(StreamId.of("account", "a-1"), 1, 10))
                .isInstanceOf(StoredEventException.class);
    }

    @Test
    void aCorruptPayloadStopsTheReadWithItsPositionAndField() throws Exception {
        long position = insertBehindTheRuntime("'MoneyDeposited', 1, '{\"accountId\": \"a-1\", \"amountMinor\": \"lots\"}'");

        assertThatThrownBy(() -> store.readAll(Position.START, 10))
                .isInstanceOfSatisfying(StoredEventException.class, e -> {
                    assertThat(e.globalPosition()).isEqualTo(position);
                    assertThat(e.getCause()).isInstanceOfSatisfying(EventDecodingException.class,
                            cause -> assertThat(cause.fieldPath()).isEqualTo("amountMinor"));
                    assertThat(e).hasMessageContaining("cannot read the event at global position " + position);
                });
    }

    @Test
    void metadataOfTheWrongTypeStopsTheReadLikeABadPayload() throws Exception {
        StreamId stream = StreamId.of("account", "a-1");
        NewEvent traced = NewEvent.of(new MoneyDeposited("a-1", 2), EventMetadata.empty().withCorrelationId("req-1"));
        store.append(stream, ExpectedVersion.noStream(), List.of(new MoneyDeposited("a-1", 1), traced));
        long position = store.readStream(stream, 2, 1).get(0).position().globalPosition();
        Map<String, String> cases = Map.of(
                "{\"correlationId\": 42}", "correlationId is the number 42, not a string",
                "{\"causationId\": {\"id\": \"c-1\"}}", "causationId is an object, not a string",
                "{\"headers\": {\"tenant\": 7}}", "header 'tenant' is the number 7, not a string",
                "{\"headers\": [\"tenant\"]}", "headers is an array, not an object of strings");
        for (Map.Entry<String, String> bad : cases.entrySet()) {
            writeMetadataBehindTheRuntime(position, bad.getKey());

            assertThatThrownBy(() -> store.readStream(stream, 1, 10))
                    .isInstanceOfSatisfying(StoredEventException.class, e -> {
                        assertThat(e.globalPosition()).isEqualTo(position);
                        assertThat(e.stream()).isEqualTo(stream);
                        assertThat(e.streamVersion()).isEqualTo(2);
                        assertThat(e.eventId()).isEqualTo(traced.eventId());
                        assertThat(e).hasMessageContaining("its metadata cannot be read: " + bad.getValue());
                    });
            assertThatThrownBy(() -> store.readAll(Position.START, 10)).isInstanceOf(StoredEventException.class)
                    .hasMessageContaining(bad.getValue());
        }

        // fields another tool adds are no concern of the store's; its own are read as they are
        writeMetadataBehindTheRuntime(position, "{\"correlationId\": \"req-2\", \"causationId\": null,"
                + " \"traceparent\": {\"version\": 0}, \"headers\": null}");
        assertThat(store.readStream(stream, 2, 1).get(0).metadata())
                .isEqualTo(EventMetadata.empty().withCorrelationId("req-2"));
    }

    private void writeMetadataBehindTheRuntime(long position, String metadata) throws Exception {
        try (Connection connection = Stores.DATA_SOURCE.getConnection(); PreparedStatement statement =
                connection.prepareStatement("UPDATE " + AppendAndReadTest.schemaOf(store) + ".stele_events"
                        + " SET metadata = ?::jsonb WHERE global_position = ?")) {
            statement.setString(1, metadata);
            statement.setLong(2, position);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void aBadEventInABatchRaisesWithItsIdAndTheEventsBeforeItSoNoneIsLostOrSkipped() throws Exception {
        store.append(StreamId.of("account", "a-1"), ExpectedVersion.any(),
                List.of(new MoneyDeposited("a-1", 1), new MoneyDeposited("a-1", 2)));
        UUID badId = UUID.randomUUID();
        long bad = insertBehindTheRuntime(badId, "'InterestPaid', 1, '{\"accountId\": \"a-1\"}'");
        store.append(StreamId.of("account", "a-2"), ExpectedVersion.any(), List.of(new MoneyDeposited("a-2", 3)));

        StoredEventException stop = catchThrowableOfType(StoredEventException.class,
                () -> store.readAll(Position.START, 10));

        assertThat(stop.globalPosition()).isEqualTo(bad);
        assertThat(stop.eventId()).isEqualTo(badId);
        assertThat(stop).hasMessageContaining("InterestPaid v1, event id " + badId + ")");
        AllSlice before = stop.readBefore().orElseThrow();
        assertThat(before.events()).extracting(event -> ((MoneyDeposited) event.event()).amountMinor())
                .containsExactly(1L, 2L);
        assertThat(before.next()).isEqualTo(before.events().get(1).position());

        // continuing after them stops at the bad event again: it is never passed
        StoredEventException again = catchThrowableOfType(StoredEventException.class,
                () -> store.readAll(before.next(), 10));
        assertThat(again.eventId()).isEqualTo(badId);
        assertThat(again.readBefore()).hasValueSatisfying(nothing -> {
            assertThat(nothing.events()).isEmpty();
            assertThat(nothing.next()).isEqualTo(before.next());
        });

        // a stream read names the event too, and returns nothing that would look like the stream's end
        assertThatThrownBy(() -> store.readStream(StreamId.of("account", "a-1"), 1, 10))
                .isInstanceOfSatisfying(StoredEventException.class, e -> {
                    assertThat(e.eventId()).isEqualTo(badId);
                    assertThat(e.readBefore()).isEmpty();
                });
        // the streaming read hands on the events before it, then stops
        List<RecordedEvent> streamed = new ArrayList<>();
        assertThatThrownBy(() -> store.readAll(Position.START, streamed::add))
                .isInstanceOfSatisfying(StoredEventException.class, e -> assertThat(e.eventId()).isEqualTo(badId));
        assertThat(streamed).extracting(RecordedEvent::position).containsExactlyElementsOf(
                before.events().stream().map(RecordedEvent::position).toList());
    }

    /** Writes a row directly, as a tool or a hand-made migration might. */
    private long insertBehindTheRuntime(String nameVersionPayload) throws Exception {
        return insertBehindTheRuntime(UUID.randomUUID(), nameVersionPayload);
    }

    private long insertBehindTheRuntime(UUID eventId, String nameVersionPayload) throws Exception {
        String schema = AppendAndReadTest.schemaOf(store);
        try (Connection connection = Stores.DATA_SOURCE.getConnection(); Statement statement =
                connection.createStatement()) {
            var rows = statement.executeQuery("INSERT INTO " + schema + ".stele_events (event_id, stream_category,"
                    + " stream_id, stream_version, event_name, event_version, payload) VALUES ('" + eventId + "',"
                    + " 'account', 'a-1', 99, " + nameVersionPayload + ") RETURNING global_position");
            rows.next();
            return rows.getLong(1);
        }
    }
}
