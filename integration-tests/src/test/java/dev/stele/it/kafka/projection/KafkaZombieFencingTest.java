package dev.stele.it.kafka.projection;

import static dev.stele.it.kafka.projection.KafkaProjections.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.it.kafka.KafkaBroker;
import dev.stele.kafka.KafkaProjectionRunner;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An instance that loses its partition while it applies a batch (slower than {@code max.poll.interval.ms}, so Kafka
 * gives the partition to another instance) and the instance that took the partition, both applying the same records
 * from the same stored offset: the offset row, locked and compared in each batch's transaction, lets exactly one of
 * them commit; the other rolls back, reads the stored offset again and goes on from there. Both orders: the old owner
 * holding the row's lock when the successor's batch comes, and the old owner coming back after the successor
 * committed. Every event takes effect once.
 */
class KafkaZombieFencingTest {

    private static final Duration TIMEOUT = KafkaProjections.TIMEOUT;

    private KafkaProjections world;
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void cleanUp() {
        release.countDown();
        if (world != null) {
            world.close();
        }
    }

    @Test
    void whenTheOldOwnerCommitsFirstTheSuccessorsBatchIsFencedAndGoesOnFromTheStoredOffset() throws Exception {
        world = new KafkaProjections(1);
        world.open("acct", 20);
        world.deposit(9); // 200 events, offsets 0 to 199

        CountDownLatch entered = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        KafkaBalances slow = new KafkaBalances(world.schema).beforeEach(context -> {
            if (first.compareAndSet(true, false)) {
                entered.countDown();
                try {
                    release.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        try (KafkaProjectionRunner zombie = world.runner(slow)
                        .consumerProperty(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 3_000).build();
                KafkaProjectionRunner successor = world.runner(new KafkaBalances(world.schema)).build()) {
            zombie.start();
            assertThat(entered.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                    .as("the first instance is inside its first batch").isTrue();

            successor.start();
            await(TIMEOUT, "the second instance holds the partition",
                    () -> successor.status().partitions().size() == 1);
            await(TIMEOUT, "the second instance's batch waits for the offset row the first one locked",
                    () -> waitingOnTheOffsetRow() == 1);
            assertThat(zombie.status().partitions()).as("the first instance does not know yet").hasSize(1);

            release.countDown(); // the first instance commits its batch; the second finds the offset moved
            world.awaitCaughtUp(TIMEOUT);
            await(TIMEOUT, "the second instance's batch is fenced, or applied and refused by the projection",
                    () -> successor.status().fencedBatches() > 0 || !successor.status().poisoned().isEmpty());
            assertThat(successor.status().poisoned()).as("the second instance applied none of the records again")
                    .isEmpty();
            assertThat(successor.status().fencedBatches()).isEqualTo(1);
            world.assertExactlyOnce();

            world.deposit(5); // 100 more, to whichever instance holds the partition now
            world.awaitCaughtUp(TIMEOUT);
            world.assertExactlyOnce();
            assertThat(zombie.status().poisoned()).isEmpty();
            assertThat(successor.status().poisoned()).isEmpty();
            assertThat(zombie.status().fencedBatches() + successor.status().fencedBatches()).isEqualTo(1);
        }
        assertThat(world.storedOffsets()).isEqualTo(world.endOffsets());
    }

    @Test
    void whenTheSuccessorCommitsFirstTheOldOwnersLateBatchIsFenced() throws Exception {
        world = new KafkaProjections(1);
        world.open("acct", 20);
        world.deposit(9); // 200 events, offsets 0 to 199

        GatedDataSource gated = new GatedDataSource(world.dataSource, TIMEOUT);
        try (KafkaProjectionRunner zombie = KafkaProjectionRunner
                        .builder(gated, KafkaBroker.bootstrapServers(), world.group)
                        .catalog(KafkaProjections.CATALOG).topics(world.topic).schema(world.schema)
                        .projection(new KafkaBalances(world.schema))
                        .consumerProperty(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 3_000).build();
                KafkaProjectionRunner successor = world.runner(new KafkaBalances(world.schema)).build()) {
            zombie.start();
            assertThat(gated.awaitEntered()).as("the first instance is about to lock its offset row").isTrue();

            successor.start();
            world.awaitCaughtUp(TIMEOUT); // the successor took the partition and applied everything
            await(TIMEOUT, "the successor's status counts what it committed",
                    () -> successor.status().applied() >= 200);
            assertThat(zombie.status().partitions()).as("the first instance does not know yet").hasSize(1);
            world.assertExactlyOnce();

            gated.release(); // the first instance's batch, from offset 0, comes late
            await(TIMEOUT, "the first instance's late batch is fenced, or applied and refused by the projection",
                    () -> zombie.status().fencedBatches() > 0 || !zombie.status().poisoned().isEmpty());
            assertThat(zombie.status().poisoned()).as("the first instance applied none of the records again")
                    .isEmpty();
            assertThat(zombie.status().fencedBatches()).isEqualTo(1);
            assertThat(successor.status().fencedBatches()).isZero();
            world.assertExactlyOnce();

            world.deposit(5); // 100 more, to whichever instance holds the partition now
            world.awaitCaughtUp(TIMEOUT);
            world.assertExactlyOnce();
            assertThat(zombie.status().poisoned()).isEmpty();
            assertThat(successor.status().poisoned()).isEmpty();
        }
        assertThat(world.storedOffsets()).isEqualTo(world.endOffsets());
    }

    /** Server processes waiting for a lock in a query on this test's offsets table. */
    private int waitingOnTheOffsetRow() {
        try (Connection connection = world.dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                        + " WHERE wait_event_type = 'Lock' AND query LIKE ?")) {
            statement.setString(1, "%" + world.schema + ".stele_kafka_offsets%FOR UPDATE%");
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
