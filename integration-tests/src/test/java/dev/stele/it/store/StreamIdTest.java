package dev.stele.it.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.it.events.Account;
import dev.stele.it.events.AccountOpened;
import dev.stele.it.events.MoneyDeposited;
import dev.stele.store.AggregateRepository;
import dev.stele.store.EventMetadata;
import dev.stele.store.EventStore;
import dev.stele.store.ExpectedVersion;
import dev.stele.store.RecordedEvent;
import dev.stele.store.StreamId;
import dev.stele.store.StreamMismatchException;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An event's {@code @StreamId} names its stream: the store holds appends to it. */
class StreamIdTest {

    private final EventStore store = Stores.fresh();

    @Test
    void anEventNamingAnotherStreamIsRefusedNamingBothAndNothingIsWritten() {
        StreamId b1 = StreamId.of("account", "b-1");

        assertThatThrownBy(() -> store.append(b1, ExpectedVersion.any(),
                List.of(new AccountOpened("b-1", "Ada"), new MoneyDeposited("b-2", 10))))
                .isInstanceOfSatisfying(StreamMismatchException.class, e -> {
                    assertThat(e.stream()).isEqualTo(b1);
                    assertThat(e.eventIndex()).isEqualTo(1);
                    assertThat(e.eventName()).isEqualTo("MoneyDeposited");
                    assertThat(e.eventStreamId()).isEqualTo("b-2");
                    assertThat(e).hasMessage("event 2 of the append to account-b-1 (MoneyDeposited) names stream id"
                            + " 'b-2' in its @StreamId; an event belongs to the stream it names: append it to"
                            + " account-b-2, or set the id it carries");
                });
        assertThat(store.version(b1)).isZero();
    }

    @Test
    void aJoinedAppendChecksTheStreamToo() throws Exception {
        try (Connection connection = Stores.DATA_SOURCE.getConnection()) {
            connection.setAutoCommit(false);
            assertThatThrownBy(() -> store.append(connection, StreamId.of("account", "c-1"), ExpectedVersion.any(),
                    List.of(new AccountOpened("c-2", "Ada"))))
                    .isInstanceOf(StreamMismatchException.class);
            connection.rollback();
        }
    }

    @Test
    void anAppendMayLeaveTheStreamToTheEventsStreamId() {
        store.append("account", ExpectedVersion.noStream(), List.of(new AccountOpened("d-1", "Ada"),
                new MoneyDeposited("d-1", 5)));
        store.inTransaction(tx -> tx.append("account", ExpectedVersion.exactly(2),
                List.of(new MoneyDeposited("d-1", 7))));

        assertThat(store.readStream(StreamId.of("account", "d-1"), 1, 10)).extracting(RecordedEvent::event)
                .containsExactly(new AccountOpened("d-1", "Ada"), new MoneyDeposited("d-1", 5),
                        new MoneyDeposited("d-1", 7));
    }

    @Test
    void eventsOfOneAppendNamingDifferentStreamsAreRefused() {
        assertThatThrownBy(() -> store.append("account", ExpectedVersion.any(),
                List.of(new AccountOpened("e-1", "Ada"), new MoneyDeposited("e-2", 1))))
                .isInstanceOfSatisfying(StreamMismatchException.class,
                        e -> assertThat(e.stream()).isEqualTo(StreamId.of("account", "e-1")));
        assertThat(store.version(StreamId.of("account", "e-1"))).isZero();
    }

    @Test
    void anEventWhoseStreamIdIsNullCannotNameItsStream() {
        assertThatThrownBy(() -> store.append("account", ExpectedVersion.any(),
                List.of(new AccountOpened(null, "Ada"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AccountOpened holds no stream id in its @StreamId (it is null), so the append must name"
                        + " its stream: append(StreamId.of(\"account\", id), ...)");
    }

    @Test
    void commandsRunThroughTheRepositoryCarryMetadataOntoTheirEvents() {
        AggregateRepository<Account> accounts = store.aggregates(Account.class);
        EventMetadata request = EventMetadata.empty().withCorrelationId("req-9").withCausationId("cmd-4")
                .withHeader("user", "ada");

        accounts.update("f-1", request, account -> List.of(new AccountOpened("f-1", "Ada"),
                new MoneyDeposited("f-1", 3)));

        assertThat(store.readStream(StreamId.of("account", "f-1"), 1, 10)).extracting(RecordedEvent::metadata)
                .containsExactly(request, request);
    }
}
