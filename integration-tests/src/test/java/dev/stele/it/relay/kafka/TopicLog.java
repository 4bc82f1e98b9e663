package dev.stele.it.relay.kafka;

import dev.stele.it.kafka.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Everything on a topic, read from the beginning on a thread of its own while a test runs: each record's
 * partition, offset, key, headers (as text) and value bytes, in the order of each partition.
 */
final class TopicLog implements AutoCloseable {

    /** One record as the broker holds it. */
    record Entry(int partition, long offset, String key, Map<String, String> headers, byte[] value) {

        String header(String name) {
            return headers.get(name);
        }

        String id() {
            return headers.get("id");
        }
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean closed;
    private volatile Throwable failure;

    TopicLog(String topic, int partitions) {
        this.thread = new Thread(() -> read(topic, partitions), "it-topic-log-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    private void read(String topic, int partitions) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> assigned = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                assigned.add(new TopicPartition(topic, p));
            }
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            while (!closed) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    Map<String, String> headers = new LinkedHashMap<>();
                    for (Header header : record.headers()) {
                        headers.put(header.key(), header.value() == null ? null
                                : new String(header.value(), StandardCharsets.UTF_8));
                    }
                    entries.add(new Entry(record.partition(), record.offset(),
                            record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8), headers,
                            record.value()));
                }
            }
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    List<Entry> entries() {
        if (failure != null) {
            throw new IllegalStateException("reading the topic failed", failure);
        }
        return List.copyOf(entries);
    }

    /** How many distinct event ids (header {@code id}) were read. */
    long distinctIds() {
        return entries.stream().map(Entry::id).distinct().count();
    }

    /** Waits until {@code condition} holds of what was read, or {@code timeout}; whether it held. */
    boolean await(Duration timeout, Predicate<TopicLog> condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.test(this)) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.test(this);
    }

    /** Per key, the entries in the order the broker holds them (a key lives in one partition). */
    Map<String, List<Entry>> byKey() {
        return entries().stream().collect(Collectors.groupingBy(Entry::key, LinkedHashMap::new,
                Collectors.toList()));
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        thread.join(10_000);
    }
}
