package dev.stele.it.relay.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.it.kafka.KafkaBroker;
import dev.stele.it.relay.RelayFixture;
import dev.stele.kafka.KafkaPublisher;
import dev.stele.relay.OutboxRelay;
import dev.stele.relay.RelayStatus;
import dev.stele.store.OutboxMode;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The broker stops mid-run while the application keeps appending: the relay blocks (the slot holds the log,
 * visible in its status), never drops or reorders, and resumes by itself when the broker is back.
 */
class RelayBrokerOutageTest {

    private static final int PARTITIONS = 3;

    @Test
    void aBrokerOutageBlocksTheRelayWhileTheSlotHoldsTheLogAndItResumesWithNothingLostOrReordered()
            throws Exception {
        try (RelayFixture fixture = new RelayFixture(OutboxMode.TABLE)) {
            String category = "outage" + ProcessHandle.current().pid();
            KafkaBroker.createTopic("outbox.event." + category, PARTITIONS);
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicReference<Throwable> writerFailure = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                Random random = new Random(3);
                int round = 0;
                try {
                    while (writing.get()) {
                        RelayThroughKafkaTest.append(fixture.store, category, round * 10, round * 10 + 10, random);
                        round++;
                        Thread.sleep(20);
                    }
                } catch (Throwable e) {
                    writerFailure.set(e);
                }
            }, "it-outage-writer");
            try (TopicLog log = new TopicLog("outbox.event." + category, PARTITIONS);
                    OutboxRelay relay = fixture.relay(RelayThroughKafkaTest.publisher(KafkaPublisher.ValueFormat.JSON,
                            null)).build()) {
                relay.start();
                writer.start();
                assertThat(log.await(Duration.ofSeconds(60), l -> l.entries().size() > 300)).isTrue();

                KafkaBroker.stopBroker();
                RelayStatus before;
                RelayStatus during;
                try {
                    Thread.sleep(1_000); // what was in flight settles: the producer retries, nothing is acknowledged
                    before = relay.status();
                    Thread.sleep(4_000);
                    during = relay.status();
                } finally {
                    KafkaBroker.startBrokerAgain();
                }
                assertThat(during.published()).as("nothing acknowledged while the broker is down")
                        .isEqualTo(before.published());
                assertThat(during.slot().orElseThrow().unconfirmedBytes())
                        .as("the slot holds the log written meanwhile")
                        .isGreaterThan(before.slot().orElseThrow().unconfirmedBytes());
                assertThat(during.slot().orElseThrow().walRetainedBytes()).isPositive();
                assertThat(during.state()).isIn(RelayStatus.State.RUNNING, RelayStatus.State.RECONNECTING);

                writing.set(false);
                writer.join(30_000);
                assertThat(writerFailure.get()).as("the application appended throughout").isNull();
                Map<String, RelayFixture.Stored> stored = fixture.stored();
                assertThat(log.await(Duration.ofSeconds(120), l -> l.distinctIds() >= stored.size())).as(
                        "every event arrives after the broker is back").isTrue();
                assertThat(log.entries()).extracting(TopicLog.Entry::id)
                        .containsAll(stored.keySet());
                for (Map.Entry<String, java.util.List<TopicLog.Entry>> stream : log.byKey().entrySet()) {
                    java.util.List<Long> firstSeen = stream.getValue().stream().map(TopicLog.Entry::id).distinct()
                            .map(id -> stored.get(id).version()).toList();
                    assertThat(firstSeen).as("stream %s in order", stream.getKey()).isSorted();
                }
                RelayFixture.await(Duration.ofSeconds(30), () -> relay.status().published() >= stored.size());
                assertThat(relay.status().state()).isEqualTo(RelayStatus.State.RUNNING);
            }
        }
    }
}
