package dev.stele.it.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.demo.Database;
import dev.stele.inspect.InspectionStatus;
import dev.stele.inspect.Inspector;
import dev.stele.inspect.ParkedEventDetail;
import dev.stele.inspect.ProjectionReport;
import dev.stele.inspect.SlotReport;
import dev.stele.inspect.format.StatusJson;
import dev.stele.inspect.format.StatusText;
import dev.stele.it.events.AccountOpened;
import dev.stele.it.relay.RelayFixture;
import dev.stele.relay.OutboxRelay;
import dev.stele.relay.Publisher;
import dev.stele.replication.FailedEvent;
import dev.stele.replication.PoisonPolicy;
import dev.stele.replication.ProjectionOptions;
import dev.stele.replication.ProjectionRunner;
import dev.stele.replication.ProjectionStatus;
import dev.stele.replication.ReplicationConnection;
import dev.stele.replication.SlotStatus;
import dev.stele.store.ExpectedVersion;
import dev.stele.store.OutboxMode;
import dev.stele.store.StreamId;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StatusTest {

    private static final ProjectionOptions QUICK = ProjectionOptions.defaults()
            .withRetries(2, Duration.ofMillis(10), Duration.ofMillis(20));

    @Test
    void statusShowsARunnersSlotAndARelaysSlotWithTheirLag() throws Exception {
        String runnerSlot = InspectFixture.freshName("it_insp_run");
        try (RelayFixture relayFixture = new RelayFixture(OutboxMode.TABLE)) {
            Inspector inspector = Inspector.of(RelayFixture.DATA_SOURCE, relayFixture.options, InspectFixture.CATALOG);
            AtomicInteger published = new AtomicInteger();
            try (ProjectionRunner runner = runner(relayFixture, runnerSlot, QUICK)) {
                runner.start();
                try (OutboxRelay relay = relayFixture.relay(Publisher.synchronous(r -> published.incrementAndGet()))
                        .build()) {
                    relay.start();
                    open(relayFixture, "a-1", "Ann");
                    open(relayFixture, "a-2", "Bob");
                    assertThat(InspectFixture.await(Duration.ofSeconds(30), () -> published.get() == 2)).isTrue();
                }
                // the relay is closed: what is written now waits in its slot
                open(relayFixture, "a-3", "Cy");
                assertThat(InspectFixture.await(Duration.ofSeconds(30), () -> runner.status().projection("owners")
                        .orElseThrow().applied() == 3)).isTrue();

                InspectionStatus status = inspector.status();
                System.out.println(StatusText.status(status));
                System.out.println(StatusJson.json(status));

                assertThat(status.healthy()).as(status.problems().toString()).isTrue();
                assertThat(status.stopsRecorded()).isTrue();
                SlotReport runnerReport = status.slot(runnerSlot).orElseThrow();
                assertThat(runnerReport.kind()).isEqualTo(SlotReport.Kind.PROJECTIONS);
                assertThat(runnerReport.users()).containsExactly("owners");
                assertThat(runnerReport.active()).as("the runner reads its slot").isTrue();
                assertThat(runnerReport.slot().orElseThrow().walStatus()).isNotEqualTo(SlotStatus.WalStatus.LOST);

                SlotReport relayReport = status.slot(relayFixture.slot).orElseThrow();
                assertThat(relayReport.kind()).isEqualTo(SlotReport.Kind.RELAY);
                assertThat(relayReport.active()).as("the relay is closed").isFalse();
                assertThat(relayReport.lagBytes()).as("a-3 waits in the relay's slot").isPositive();
                assertThat(relayReport.walRetainedBytes()).isGreaterThanOrEqualTo(relayReport.lagBytes());
                assertThat(relayReport.slot().orElseThrow().confirmedFlushLsn())
                        .isEqualTo(lsn("SELECT confirmed_flush_lsn FROM pg_replication_slots WHERE slot_name = '"
                                + relayFixture.slot + "'"));

                ProjectionReport owners = status.projection("owners").orElseThrow();
                assertThat(owners.phase()).isEqualTo(ProjectionReport.Phase.FOLLOWING_SLOT);
                assertThat(owners.slotName()).isEqualTo(runnerSlot);
                assertThat(owners.partitions()).isEqualTo(1);
                assertThat(owners.parkedEvents()).isZero();
                assertThat(owners.stoppedOn()).isEmpty();
                assertThat(owners.checkpoint().toString()).isEqualTo(InspectFixture.rows("SELECT min(lsn) FROM "
                        + relayFixture.schema + ".stele_projection_checkpoints WHERE projection = 'owners'").get(0));
                assertThat(owners.lagBytes()).isEqualTo(status.currentLsn().bytesSince(owners.checkpoint()));
                assertThat(StatusJson.json(status)).contains("\"healthy\" : true");
            }
            assertThat(inspector.status().slot(runnerSlot).orElseThrow().active()).as("the runner closed").isFalse();
            InspectFixture.dropSlot(runnerSlot);

            InspectionStatus dropped = inspector.status();
            assertThat(dropped.healthy()).isFalse();
            assertThat(dropped.problems()).containsExactly("slot " + runnerSlot + " of [owners] is missing: its reader"
                    + " cannot resume without skipping what it held");
        }
    }

    @Test
    void aProjectionStoppedOnAPoisonEventMakesTheStatusUnhealthyUntilItsRunnerAppliesItAgain() throws Exception {
        String slot = InspectFixture.freshName("it_insp_stop");
        try (RelayFixture relayFixture = new RelayFixture(OutboxMode.NONE)) {
            Inspector inspector = Inspector.of(RelayFixture.DATA_SOURCE, relayFixture.options, InspectFixture.CATALOG);
            try (ProjectionRunner runner = runner(relayFixture, slot, QUICK)) {
                runner.start();
                open(relayFixture, "a-1", "Ann");
                open(relayFixture, "a-bad", Owners.POISON);
                assertThat(InspectFixture.await(Duration.ofSeconds(30), () -> runner.status().projection("owners")
                        .orElseThrow().state() == ProjectionStatus.State.STOPPED)).isTrue();

                InspectionStatus status = inspector.status();
                System.out.println(StatusText.status(status));
                assertThat(status.healthy()).isFalse();
                ProjectionReport owners = status.projection("owners").orElseThrow();
                assertThat(owners.phase()).isEqualTo(ProjectionReport.Phase.STOPPED);
                FailedEvent stoppedOn = owners.stoppedOn().orElseThrow();
                assertThat(stoppedOn.streamId()).isEqualTo("a-bad");
                assertThat(stoppedOn.attempts()).isEqualTo(2);
                assertThat(stoppedOn.error()).contains("owners refuses account a-bad");
                assertThat(stoppedOn.eventId()).isEqualTo(runner.status().projection("owners").orElseThrow()
                        .stoppedOn().orElseThrow().eventId());
                assertThat(status.problems()).singleElement().asString().startsWith("projection owners is stopped on"
                        + " AccountOpened v1");
            }
            // a runner whose handler was fixed: its session applies the projection again and clears the stop
            try (ProjectionRunner fixed = ProjectionRunner.builder(RelayFixture.DATA_SOURCE,
                    ReplicationConnection.of(Database.jdbcUrl())).slot(slot).catalog(InspectFixture.CATALOG)
                    .storeOptions(relayFixture.options).projection(new Owners(false), QUICK).build()) {
                fixed.start();
                assertThat(InspectFixture.await(Duration.ofSeconds(30), () -> inspector.status().healthy())).isTrue();
                assertThat(inspector.status().projection("owners").orElseThrow().phase())
                        .isEqualTo(ProjectionReport.Phase.FOLLOWING_SLOT);
            } finally {
                InspectFixture.dropSlot(slot);
            }
        }
    }

    @Test
    void parkedEventsAreListedAndShownWithTheirDecodedPayload() throws Exception {
        String slot = InspectFixture.freshName("it_insp_park");
        try (RelayFixture relayFixture = new RelayFixture(OutboxMode.NONE)) {
            Inspector inspector = Inspector.of(RelayFixture.DATA_SOURCE, relayFixture.options, InspectFixture.CATALOG);
            try (ProjectionRunner runner = runner(relayFixture, slot, QUICK.withPoisonPolicy(PoisonPolicy.PARK))) {
                runner.start();
                open(relayFixture, "a-bad", Owners.POISON);
                open(relayFixture, "a-1", "Ann");
                assertThat(InspectFixture.await(Duration.ofSeconds(30), () -> runner.status().projection("owners")
                        .orElseThrow().applied() == 1 && !runner.parkedEvents("owners").isEmpty())).isTrue();

                List<FailedEvent> parked = inspector.parked("owners");
                assertThat(parked).isEqualTo(runner.parkedEvents("owners")).hasSize(1);
                ParkedEventDetail detail = inspector.parkedEvent("owners", parked.get(0).eventId()).orElseThrow();
                System.out.println(detail);
                assertThat(detail.event()).contains(new AccountOpened("a-bad", Owners.POISON));
                assertThat(detail.payloadJson().orElseThrow()).contains("\"owner\": \"poison\"");
                assertThat(detail.decodeError()).isEmpty();
                assertThat(inspector.parkedEvent("owners", java.util.UUID.randomUUID())).isEmpty();

                InspectionStatus status = inspector.status();
                assertThat(status.projection("owners").orElseThrow().parkedEvents()).isEqualTo(1);
                assertThat(status.healthy()).as("a parked event does not stop the projection").isTrue();
            } finally {
                InspectFixture.dropSlot(slot);
            }
        }
    }

    private static ProjectionRunner runner(RelayFixture fixture, String slot, ProjectionOptions options) {
        return ProjectionRunner.builder(RelayFixture.DATA_SOURCE, ReplicationConnection.of(Database.jdbcUrl()))
                .slot(slot).catalog(InspectFixture.CATALOG).storeOptions(fixture.options)
                .projection(new Owners(true), options).build();
    }

    private static void open(RelayFixture fixture, String id, String owner) {
        fixture.store.append(StreamId.of("account", id), ExpectedVersion.any(), List.of(new AccountOpened(id, owner)));
    }

    private static dev.stele.projection.Lsn lsn(String sql) throws Exception {
        return dev.stele.projection.Lsn.parse(InspectFixture.rows(sql).get(0));
    }
}
