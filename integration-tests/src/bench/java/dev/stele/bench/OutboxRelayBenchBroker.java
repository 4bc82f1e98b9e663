package dev.stele.bench;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * Starts a single-node KRaft broker in this JVM from Kafka's own test kit (as {@code dev.stele.it.kafka.KafkaBroker}
 * does for the tests) and runs {@link OutboxRelayBench} against it. Compiled only by the {@code bench} profile,
 * which alone puts the test kit on the module's class path (from {@code src/bench/java}).
 */
public final class OutboxRelayBenchBroker {

    private OutboxRelayBenchBroker() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build();
        KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        kit.format();
        kit.startup();
        kit.waitForReadyBrokers();
        try {
            OutboxRelayBench.run(kit.bootstrapServers(), String.format("Kafka test kit, 1 KRaft node in this JVM,"
                    + " started in %.1f s", (System.nanoTime() - start) / 1e9), args);
        } finally {
            // stopped before the JVM exits: a broker whose directories vanish under it halts the JVM with status 1
            kit.close();
        }
        System.exit(0); // Debezium, Kafka and pool threads are not all daemons
    }
}
