package dev.stele.it.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.it.events.AccountOpened;
import dev.stele.it.events.MoneyDeposited;
import dev.stele.projection.EventContext;
import dev.stele.replication.FailedEvent;
import dev.stele.replication.PoisonPolicy;
import dev.stele.replication.ProjectionOptions;
import dev.stele.replication.ProjectionRunner;
import dev.stele.replication.ProjectionStatus;
import dev.stele.spi.ProjectionType;
import dev.stele.store.ExpectedVersion;
import dev.stele.store.StreamId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PoisonTest {

    private static final ProjectionOptions QUICK_RETRIES = ProjectionOptions.defaults()
            .withRetries(3, Duration.ofMillis(10), Duration.ofMillis(50));

    private Projections projections;

    @AfterEach
    void dropSlot() throws Exception {
        projections.dropSlot();
    }

    @Test
    void aHandlerThatKeepsFailingStopsTheProjectionBeforeTheEventAndTheOthersGoOn() throws Exception {
        projections = new Projections();
        AtomicBoolean broken = new AtomicBoolean(true);
        AtomicInteger attempts = new AtomicInteger();
        ProjectionType<AccountBalances> failing = failingOn("a-bad", broken, attempts, "failing");
        open("a-1", "a-2");
        AccountBalances second = new AccountBalances(projections.schema, "balances_failing");
        try (Connection connection = Projections.DATA_SOURCE.getConnection()) {
            second.createTable(connection);
        }
        try (ProjectionRunner runner = projections.runner(QUICK_RETRIES.withPartitions(2))
                .projection(failing, second, QUICK_RETRIES)
                .build()) {
            runner.start();
            projections.awaitProjected(Duration.ofSeconds(30));
            open("a-bad");
            deposit("a-1", 5);
            Projections.await(Duration.ofSeconds(30), () -> runner.status().projection("failing").orElseThrow().state()
                    == ProjectionStatus.State.STOPPED);
            projections.awaitProjected(Duration.ofSeconds(30));

            ProjectionStatus status = runner.status().projection("failing").orElseThrow();
            assertThat(status.state()).isEqualTo(ProjectionStatus.State.STOPPED);
            FailedEvent stoppedOn = status.stoppedOn().orElseThrow();
            assertThat(stoppedOn.streamId()).isEqualTo("a-bad");
            assertThat(stoppedOn.eventName()).isEqualTo("AccountOpened");
            assertThat(stoppedOn.attempts()).isEqualTo(3);
            assertThat(stoppedOn.error()).contains("handler refuses a-bad");
            assertThat(runner.status().projection("balances").orElseThrow().state())
                    .as("the other projection goes on").isEqualTo(ProjectionStatus.State.LIVE);
            assertThat(runner.parkedEvents("failing")).isEmpty();
        }
    }

    @Test
    void parkedEventsAreRecordedWithTheirErrorAndReplayedAfterAFix() throws Exception {
        projections = new Projections();
        AtomicBoolean broken = new AtomicBoolean(true);
        ProjectionType<AccountBalances> balances = failingOn("a-bad", broken, new AtomicInteger(), "balances");
        ProjectionOptions park = QUICK_RETRIES.withPoisonPolicy(PoisonPolicy.PARK);
        try (ProjectionRunner runner = ProjectionRunner.builder(Projections.DATA_SOURCE, Projections.replication())
                .slot(projections.slot).catalog(Projections.CATALOG).storeOptions(projections.options)
                .projection(balances, projections.balances, park).build()) {
            runner.start();
            open("a-1", "a-bad");
            deposit("a-1", 5);
            Projections.await(Duration.ofSeconds(30), () -> runner.parkedEvents("balances").size() == 1
                    && runner.status().projection("balances").orElseThrow().applied() == 2);
            assertThat(runner.status().projection("balances").orElseThrow().applied())
                    .as("a parked event is not counted as applied").isEqualTo(2);

            List<FailedEvent> parked = runner.parkedEvents("balances");
            assertThat(parked).singleElement().satisfies(event -> {
                assertThat(event.streamId()).isEqualTo("a-bad");
                assertThat(event.error()).contains("handler refuses a-bad");
            });
            assertThat(projections.projected()).containsOnlyKeys("a-1");

            broken.set(false);
            // two replays at once (two instances, a double click): the event is applied by one of them
            var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> runner.replayParked("balances"));
            var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> runner.replayParked("balances"));
            assertThat(first.get() + second.get()).isEqualTo(1);
            assertThat(runner.parkedEvents("balances")).isEmpty();
            assertThat(projections.projected()).isEqualTo(projections.rebuilt());
        }
    }

    @Test
    void anUndecodableRowIsPoisonNamedWithItsPosition() throws Exception {
        projections = new Projections();
        ProjectionOptions park = QUICK_RETRIES.withPoisonPolicy(PoisonPolicy.PARK);
        try (ProjectionRunner runner = projections.runner(park).build()) {
            runner.start();
            open("a-1");
            UUID corrupt = UUID.randomUUID();
            try (Connection connection = Projections.DATA_SOURCE.getConnection();
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO " + projections.schema
                            + ".stele_events (event_id, stream_category, stream_id, stream_version, event_name,"
                            + " event_version, payload) VALUES (?, 'account', 'a-1', 2, 'MoneyDeposited', 1,"
                            + " '{\"accountId\": \"a-1\", \"amountMinor\": \"not a number\"}')")) {
                insert.setObject(1, corrupt);
                insert.executeUpdate();
            }
            Projections.await(Duration.ofSeconds(30), () -> !runner.parkedEvents("balances").isEmpty());

            FailedEvent parked = runner.parkedEvents("balances").get(0);
            assertThat(parked.eventId()).isEqualTo(corrupt);
            assertThat(parked.attempts()).as("bytes that do not decode are not retried").isEqualTo(1);
            assertThat(parked.error()).contains("amountMinor");
            assertThat(projections.projected()).containsEntry("a-1", "0/1");
        }
    }

    private ProjectionType<AccountBalances> failingOn(String account, AtomicBoolean broken, AtomicInteger attempts,
            String name) {
        ProjectionType<AccountBalances> delegate = AccountBalancesProjection.TYPE;
        return new ProjectionType<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Class<AccountBalances> projectionClass() {
                return AccountBalances.class;
            }

            @Override
            public Set<String> handledEvents() {
                return delegate.handledEvents();
            }

            @Override
            public void handle(AccountBalances projection, String eventName, Object event, EventContext context)
                    throws Exception {
                if (context.streamId().equals(account) && broken.get()) {
                    attempts.incrementAndGet();
                    throw new IllegalStateException("handler refuses " + account);
                }
                delegate.handle(projection, eventName, event, context);
            }
        };
    }

    private void open(String... accounts) {
        for (String account : accounts) {
            projections.store.append(StreamId.of("account", account), ExpectedVersion.noStream(),
                    List.of(new AccountOpened(account, "o")));
        }
    }

    private void deposit(String account, long amount) {
        projections.store.append(StreamId.of("account", account), ExpectedVersion.any(),
                List.of(new MoneyDeposited(account, amount)));
    }
}
