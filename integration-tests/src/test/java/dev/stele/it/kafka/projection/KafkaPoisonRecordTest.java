package dev.stele.it.kafka.projection;

import static dev.stele.it.kafka.projection.KafkaProjections.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.cdc.OutboxRecordException;
import dev.stele.it.events.MoneyWithdrawn;
import dev.stele.it.kafka.KafkaBroker;
import dev.stele.kafka.KafkaPartitionStatus;
import dev.stele.kafka.KafkaProjectionRunner;
import dev.stele.kafka.PoisonRecordException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A record that cannot be read, and one whose handler fails on every attempt: its partition stops before it with
 * a {@link PoisonRecordException} naming topic, partition, offset, event id and name; the stored offset stays on
 * it, after a restart too; the other partition goes on. Records of events the projection does not handle are passed
 * over unread, whatever their value.
 */
class KafkaPoisonRecordTest {

    private static final Duration TIMEOUT = KafkaProjections.TIMEOUT;

    private KafkaProjections world;

    @AfterEach
    void cleanUp() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void anUnreadableRecordStopsItsPartitionThereNamingTopicPartitionOffsetAndEvent() throws Exception {
        world = new KafkaProjections(2);
        world.openOn(0, "a-p0");
        for (int i = 0; i < 9; i++) {
            world.depositTo(0, "a-p0"); // offsets 0 to 9
        }
        UUID bad = UUID.randomUUID();
        produceRaw(0, "a-p0", bad, new byte[] {(byte) 0xff, 0, '{'}); // offset 10
        for (int i = 0; i < 5; i++) {
            world.depositTo(0, "a-p0"); // never applied: after the bad record
        }
        world.openOn(1, "a-p1");
        for (int i = 0; i < 19; i++) {
            world.depositTo(1, "a-p1");
        }
        TopicPartition p0 = new TopicPartition(world.topic, 0);
        TopicPartition p1 = new TopicPartition(world.topic, 1);

        for (int run = 1; run <= 2; run++) {
            try (KafkaProjectionRunner runner = world.runner(new KafkaBalances(world.schema)).build()) {
                runner.start();
                await(TIMEOUT, "partition 0 stops", () -> !runner.status().stopped().isEmpty());
                await(TIMEOUT, "partition 1 is applied to its end",
                        () -> runner.storedOffsets().getOrDefault(p1, -1L) == 20L);

                KafkaPartitionStatus stopped = runner.status().stopped().get(0);
                PoisonRecordException poison = stopped.stoppedOn().orElseThrow();
                assertThat(poison.topic()).isEqualTo(world.topic);
                assertThat(poison.partition()).isZero();
                assertThat(poison.offset()).isEqualTo(10);
                assertThat(poison.eventId()).contains(bad);
                assertThat(poison.eventName()).contains("MoneyDeposited");
                assertThat(poison.reason()).isEqualTo(PoisonRecordException.Reason.UNREADABLE);
                assertThat(poison.getCause()).isInstanceOf(OutboxRecordException.class);
                assertThat(poison.getMessage()).contains(world.topic + "-0", "offset 10", bad.toString(),
                        "MoneyDeposited");
                assertThat(stopped.storedOffset()).isEqualTo(10);
                assertThat(runner.status().poisoned()).containsExactly(poison);
                assertThat(runner.storedOffsets()).as("run %d: not committed past the bad record", run)
                        .isEqualTo(Map.of(p0, 10L, p1, 20L));
            }
        }
        assertThat(world.projected()).isEqualTo(Map.of("a-p0", "45/10", "a-p1", "190/20"));
        assertThat(world.applications()).containsExactly(30, 1);
    }

    @Test
    void aHandlerThatFailsEveryAttemptStopsItsPartitionBeforeTheRecord() throws Exception {
        world = new KafkaProjections(1);
        world.openOn(0, "a-1");
        world.depositTo(0, "a-1");
        world.openOn(0, "poison-1");
        UUID failing = world.depositTo(0, "poison-1"); // offset 3
        world.depositTo(0, "a-1");
        TopicPartition p0 = new TopicPartition(world.topic, 0);

        try (KafkaProjectionRunner runner = world.runner(new KafkaBalances(world.schema))
                .retries(3, Duration.ofMillis(10), Duration.ofMillis(50)).build()) {
            runner.start();
            await(TIMEOUT, "the partition stops", () -> !runner.status().stopped().isEmpty());

            PoisonRecordException poison = runner.status().stopped().get(0).stoppedOn().orElseThrow();
            assertThat(poison.reason()).isEqualTo(PoisonRecordException.Reason.HANDLER_FAILED);
            assertThat(poison.attempts()).isEqualTo(3);
            assertThat(poison.offset()).isEqualTo(3);
            assertThat(poison.eventId()).contains(failing);
            assertThat(poison.eventName()).contains("MoneyDeposited");
            assertThat(poison.getCause()).hasMessageContaining("a handler bug on account poison-1");
            assertThat(runner.storedOffsets()).isEqualTo(Map.of(p0, 3L));
        }
        assertThat(world.projected()).isEqualTo(Map.of("a-1", "1/2", "poison-1", "0/1"));
        assertThat(world.applications()).containsExactly(3, 1);
    }

    @Test
    void recordsOfEventsTheProjectionDoesNotHandleArePassedOverUnread() throws Exception {
        world = new KafkaProjections(1);
        world.openOn(0, "a-1");
        produceRaw(0, "a-1", UUID.randomUUID(), "NotOurs", new byte[] {(byte) 0xff}); // no such event, bad bytes
        world.sendUncounted(0, "a-1", new MoneyWithdrawn("a-1", 5)); // known, not handled
        world.depositTo(0, "a-1");
        TopicPartition p0 = new TopicPartition(world.topic, 0);

        try (KafkaProjectionRunner runner = world.runner(new KafkaBalances(world.schema)).build()) {
            runner.start();
            world.awaitCaughtUp(TIMEOUT);
            await(TIMEOUT, "the runner's status counts what it committed", () -> runner.status().applied() >= 4);
            assertThat(runner.status().applied()).isEqualTo(4);
            assertThat(runner.status().poisoned()).isEmpty();
            assertThat(runner.storedOffsets()).isEqualTo(Map.of(p0, 4L));
        }
        assertThat(world.projected()).isEqualTo(Map.of("a-1", "1/2"));
        assertThat(world.applications()).containsExactly(2, 1);
    }

    private void produceRaw(int partition, String key, UUID id, byte[] value) throws Exception {
        produceRaw(partition, key, id, "MoneyDeposited", value);
    }

    private void produceRaw(int partition, String key, UUID id, String eventName, byte[] value) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(world.topic, partition,
                    key.getBytes(StandardCharsets.UTF_8), value);
            record.headers().add("id", id.toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add("eventType", eventName.getBytes(StandardCharsets.UTF_8));
            record.headers().add("eventVersion", "1".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get(30, TimeUnit.SECONDS);
        }
    }
}
