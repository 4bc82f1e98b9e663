package dev.stele.it.kafka.projection;

import static dev.stele.it.kafka.projection.KafkaProjections.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.kafka.KafkaProjectionRunner;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A runner stopped, more events produced, a runner started again: it goes on from the offsets stored in
 * PostgreSQL, not from Kafka's committed offsets (the second runner is even of another consumer group), so
 * nothing is applied twice and nothing missed.
 */
class KafkaProjectionRestartTest {

    private static final Duration TIMEOUT = KafkaProjections.TIMEOUT;

    private KafkaProjections world;

    @AfterEach
    void cleanUp() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void aRestartGoesOnFromTheStoredOffsetsWithNothingTwiceAndNothingMissed() throws Exception {
        world = new KafkaProjections(3);
        world.open("acct", 100);
        world.deposit(9); // 1,000 events

        try (KafkaProjectionRunner first = world.runner(new KafkaBalances(world.schema)).build()) {
            first.start();
            world.awaitCaughtUp(TIMEOUT);
            await(TIMEOUT, "the first runner's status counts what it committed",
                    () -> first.status().applied() >= 1_000);
            assertThat(first.status().applied()).isEqualTo(1_000);
            assertThat(first.status().poisoned()).isEmpty();
        }
        world.assertExactlyOnce();

        world.deposit(10); // 1,000 more while no runner runs
        try (KafkaProjectionRunner second = world.runner(new KafkaBalances(world.schema), world.group + "-again")
                .build()) {
            second.start();
            world.awaitCaughtUp(TIMEOUT);
            await(TIMEOUT, "the second runner's status counts what it committed",
                    () -> second.status().applied() >= 1_000);
            assertThat(second.status().applied()).as("records the second runner applied: only the new ones")
                    .isEqualTo(1_000);
            assertThat(second.status().poisoned()).isEmpty();
        }
        world.assertExactlyOnce();
        assertThat(world.producedCount()).isEqualTo(2_000);
        assertThat(world.storedOffsets()).isEqualTo(world.endOffsets());
    }
}
