package dev.stele.it.kafka.projection;

import static dev.stele.it.kafka.projection.KafkaProjections.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.demo.Database;
import dev.stele.it.kafka.KafkaBroker;
import dev.stele.it.projection.ChildRunner;
import dev.stele.kafka.KafkaProjectionRunner;
import dev.stele.kafka.KafkaProjectionStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two runners in one consumer group over a topic of 4 partitions, one of them in a child JVM killed with SIGKILL
 * while events are produced and both apply: the other takes over its partitions, and at the end the projection
 * equals a clean rebuild computed from the produced events, every event id was applied exactly once, and the
 * offsets stored in PostgreSQL are the end offsets of every partition.
 */
class KafkaProjectionFailoverTest {

    private static final Duration TIMEOUT = KafkaProjections.TIMEOUT;
    private static final int ACCOUNTS = 200;

    private KafkaProjections world;
    private ChildRunner child;
    private KafkaProjectionRunner survivor;
    private Thread producing;

    @AfterEach
    void cleanUp() throws Exception {
        if (producing != null) {
            producing.join(60_000);
        }
        if (survivor != null) {
            survivor.close();
        }
        if (child != null) {
            child.close();
        }
        if (world != null) {
            world.close();
        }
    }

    @Test
    void everyEventTakesEffectOnceWhenAnInstanceIsKilledAndTheOtherTakesOver() throws Exception {
        world = new KafkaProjections(4);
        world.open("acct", ACCOUNTS);
        world.deposit(9); // 2,000 events before the runners start

        child = ChildRunner.start("kafka-runner-a", KafkaRunnerProcess.class, List.of(KafkaBroker.bootstrapServers(),
                Database.jdbcUrl(), world.schema, world.topic, world.group, world.schema + "_a"));
        assertThat(child.await(line -> line.equals("HOLDS 4 " + allPartitions()), TIMEOUT))
                .as("the first runner holds all 4 partitions").isTrue();
        assertThat(child.await(line -> line.startsWith("APPLIED ") && applied(line) >= 200, TIMEOUT))
                .as("the first runner applies").isTrue();

        survivor = world.runner(new KafkaBalances(world.schema)).build();
        survivor.start();
        await(TIMEOUT, "the second runner holds some partitions", () -> !survivor.status().partitions().isEmpty());
        assertThat(child.await(line -> line.startsWith("HOLDS ") && !line.startsWith("HOLDS 4 ")
                && !line.startsWith("HOLDS 0 "), TIMEOUT)).as("the first runner gave up some partitions").isTrue();

        // 4,000 more, paced over a few seconds, while both apply
        AtomicBoolean producingDone = new AtomicBoolean();
        AtomicReference<Exception> producingFailed = new AtomicReference<>();
        producing = new Thread(() -> {
            try {
                for (int i = 0; i < 20; i++) {
                    world.deposit(1);
                    Thread.sleep(200);
                }
            } catch (Exception e) {
                producingFailed.set(e);
            } finally {
                producingDone.set(true);
            }
        }, "it-kafka-producer");
        producing.start();
        await(TIMEOUT, "a third of the rest is produced", () -> world.producedCount() >= 2_000 + ACCOUNTS + 1_200);
        long appliedByChild = lastApplied(child);
        assertThat(child.await(line -> line.startsWith("APPLIED ") && applied(line) > appliedByChild, TIMEOUT))
                .as("the first runner is applying").isTrue();
        // the moment it writes in a batch's transaction: the kill most likely lands before that batch commits
        await(TIMEOUT, "the first runner is inside a batch", () -> inBatch(world.schema + "_a"));
        boolean killedWhileProducing = !producingDone.get();
        int exitStatus = child.kill();

        await(TIMEOUT, "the second runner holds all 4 partitions",
                () -> survivor.status().partitions().size() == 4);
        producing.join(TIMEOUT.toMillis());
        assertThat(producingFailed.get()).isNull();
        world.awaitCaughtUp(TIMEOUT);

        assertThat(exitStatus).as("killed by SIGKILL").isEqualTo(ChildRunner.KILLED);
        assertThat(killedWhileProducing).as("killed while events were produced").isTrue();
        assertThat(child.failures()).as("what the killed runner reported").isEmpty();
        KafkaProjectionStatus status = survivor.status();
        assertThat(status.state()).isEqualTo(KafkaProjectionStatus.State.RUNNING);
        assertThat(status.poisoned()).isEmpty();
        assertThat(world.producedCount()).isEqualTo(ACCOUNTS * 30);
        world.assertExactlyOnce();
        assertThat(world.storedOffsets()).as("the stored offsets").isEqualTo(world.endOffsets());
        assertThat(survivor.storedOffsets()).isEqualTo(world.endOffsets());
        Map<TopicPartition, Long> end = world.endOffsets();
        await(TIMEOUT, "the survivor's status shows the end offsets", () -> survivor.status().partitions().stream()
                .allMatch(p -> p.storedOffset() == end.get(new TopicPartition(p.topic(), p.partition()))));
        System.out.println("KafkaProjectionFailoverTest: the killed runner had applied " + lastApplied(child)
                + " records; the survivor " + status.applied() + ", fenced batches " + status.fencedBatches());
    }

    /** Whether a connection named {@code applicationName} has a transaction that has written. */
    private boolean inBatch(String applicationName) {
        try (Connection connection = world.dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                        + " WHERE application_name = ? AND backend_xid IS NOT NULL")) {
            statement.setString(1, applicationName);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String allPartitions() {
        return "[" + world.topic + "-0, " + world.topic + "-1, " + world.topic + "-2, " + world.topic + "-3]";
    }

    private static long applied(String line) {
        return Long.parseLong(line.substring("APPLIED ".length()).trim());
    }

    private static long lastApplied(ChildRunner runner) {
        long last = 0;
        for (String line : runner.lines()) {
            if (line.startsWith("APPLIED ")) {
                last = applied(line);
            }
        }
        return last;
    }
}
