package dev.stele.it.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;

/**
 * A real single-node Kafka broker (KRaft, broker and controller combined in one node) in the test JVM, from
 * Kafka's own test kit ({@code kafka-test-common-runtime}'s {@link KafkaClusterTestKit}, every Kafka artifact
 * at one version): no Docker, no ZooKeeper. Started on first use, once per test JVM (≈10 s on 2 cores), and
 * stopped by a shutdown hook. Tests share it, so each uses topics and consumer groups of its own.
 *
 * <pre>{@code
 * props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
 * KafkaBroker.createTopic("outbox.event.order", 3);
 * }</pre>
 */
public final class KafkaBroker {

    private KafkaBroker() {
    }

    /** The broker's {@code bootstrap.servers}; starts it if this JVM has not yet. */
    public static String bootstrapServers() {
        return Started.KIT.bootstrapServers();
    }

    /** How long starting the broker took (format, startup, until it was ready). */
    public static Duration startTime() {
        return Started.START_TIME;
    }

    /** Creates {@code topic} with {@code partitions} partitions (replication factor 1) and waits for it. */
    public static void createTopic(String topic, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Stops the broker (its controller stays up) until {@link #startBrokerAgain}: clients see a broker that is
     * down. It comes back on the same port. Tests run one class at a time in this JVM, so no other test sees it.
     */
    public static void stopBroker() {
        Started.KIT.brokers().values().forEach(broker -> broker.shutdown());
    }

    /** Starts the broker {@link #stopBroker} stopped, and waits until it serves again. */
    public static void startBrokerAgain() throws Exception {
        Started.KIT.brokers().values().forEach(broker -> broker.startup());
        Started.KIT.waitForReadyBrokers();
    }

    private static final class Started {

        static final Duration START_TIME;
        static final KafkaClusterTestKit KIT;

        static {
            // Kafka ends its process on some fatal errors, on shutdown too (Exit.halt from a fault handler): in a
            // test JVM that would end every test with it, or turn a passed run into a failed fork. Say it instead.
            Exit.setExitProcedure((status, message) -> System.err.println("The test Kafka broker asked the JVM to"
                    + " exit with status " + status + ": " + message + " (ignored: it is not the broker's JVM)"));
            Exit.setHaltProcedure((status, message) -> System.err.println("The test Kafka broker asked the JVM to"
                    + " halt with status " + status + ": " + message + " (ignored: it is not the broker's JVM)"));
            long start = System.nanoTime();
            KIT = start();
            START_TIME = Duration.ofNanos(System.nanoTime() - start);
            Runtime.getRuntime().addShutdownHook(new Thread(Started::stop, "stele-it-kafka-stop"));
        }

        private static KafkaClusterTestKit start() {
            KafkaClusterTestKit kit = null;
            try {
                TestKitNodes nodes = new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .build();
                kit = new KafkaClusterTestKit.Builder(nodes)
                        // one broker: the internal topics cannot have three replicas
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .build();
                kit.format();
                kit.startup();
                kit.waitForReadyBrokers();
                return kit;
            } catch (Exception e) {
                if (kit != null) {
                    try {
                        kit.close();
                    } catch (Exception closing) {
                        e.addSuppressed(closing);
                    }
                }
                throw new IllegalStateException("the test Kafka broker did not start", e);
            }
        }

        private static void stop() {
            try {
                KIT.close();
            } catch (Exception e) {
                // the JVM is going down; the kit's temporary directories are deleted on close when it can
            }
        }
    }
}
