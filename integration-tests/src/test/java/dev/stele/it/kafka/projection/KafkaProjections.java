package dev.stele.it.kafka.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.catalog.Catalog;
import dev.stele.demo.Database;
import dev.stele.it.events.AccountOpened;
import dev.stele.it.events.MoneyDeposited;
import dev.stele.it.kafka.KafkaBroker;
import dev.stele.kafka.KafkaProjectionRunner;
import dev.stele.kafka.OutboxEventSerializer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One test's world: a schema of its own (the projection's tables and the offsets table), a topic and a consumer
 * group of its own on the shared {@link KafkaBroker}, a producer of accounts' events in the outbox layout, and
 * what a clean rebuild from the produced events gives, computed here, apart from the projection.
 */
final class KafkaProjections implements AutoCloseable {

    static final Catalog CATALOG = Catalog.load();
    /** How long a test waits for a condition: {@code -Dstele.it.kafka.timeout=<seconds>}, 120 by default. */
    static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("stele.it.kafka.timeout", 120));
    private static final AtomicInteger COUNTER = new AtomicInteger();

    final DataSource dataSource = Database.dataSource();
    final String schema;
    final String topic;
    final String group;
    final int partitions;
    private final KafkaProducer<String, Object> producer;
    /** account → the amount of its last deposit (0: opened, none yet). */
    private final Map<String, Long> lastAmount = new TreeMap<>();
    private final List<UUID> produced = new ArrayList<>();

    KafkaProjections(int partitions) throws Exception {
        int n = COUNTER.incrementAndGet();
        long pid = ProcessHandle.current().pid();
        this.schema = "kproj_" + pid + "_" + n;
        this.topic = "stele.it.kproj." + pid + "." + n;
        this.group = "stele-it-kproj-" + pid + "-" + n;
        this.partitions = partitions;
        KafkaBroker.createTopic(topic, partitions);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
            new KafkaBalances(schema).createTables(connection);
        }
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new OutboxEventSerializer(CATALOG));
    }

    /** A runner of this world's group, topic and schema, feeding {@code projection}. */
    KafkaProjectionRunner.Builder runner(KafkaBalances projection) {
        return runner(projection, group);
    }

    KafkaProjectionRunner.Builder runner(KafkaBalances projection, String groupId) {
        return KafkaProjectionRunner.builder(dataSource, KafkaBroker.bootstrapServers(), groupId)
                .catalog(CATALOG).topics(topic).schema(schema).projection(projection)
                .consumerProperty(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6_000)
                .consumerProperty(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_000);
    }

    /** Opens {@code accounts} accounts {@code prefix-0 …} (to their key's partition). */
    synchronized void open(String prefix, int accounts) throws Exception {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            String account = prefix + "-" + i;
            sent.add(send(null, account, new AccountOpened(account, "owner " + i)));
            lastAmount.put(account, 0L);
        }
        flush(sent);
    }

    /** The next {@code perAccount} deposits of every account opened, round-robin; returns how many were sent. */
    synchronized int deposit(int perAccount) throws Exception {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (int round = 0; round < perAccount; round++) {
            for (Map.Entry<String, Long> account : lastAmount.entrySet()) {
                long amount = account.getValue() + 1;
                sent.add(send(null, account.getKey(), new MoneyDeposited(account.getKey(), amount)));
                account.setValue(amount);
            }
        }
        flush(sent);
        return sent.size();
    }

    /** One deposit of {@code account} to {@code partition}: the next amount. */
    synchronized UUID depositTo(int partition, String account) throws Exception {
        long amount = lastAmount.merge(account, 1L, Long::sum);
        UUID id = UUID.randomUUID();
        ProducerRecord<String, Object> record = new ProducerRecord<>(topic, partition, account,
                new MoneyDeposited(account, amount));
        record.headers().add("id", id.toString().getBytes(StandardCharsets.UTF_8));
        producer.send(record).get(30, TimeUnit.SECONDS);
        produced.add(id);
        return id;
    }

    /** Any event to {@code partition}, keyed {@code account}; not counted in the rebuild. */
    synchronized void sendUncounted(int partition, String account, Object event) throws Exception {
        ProducerRecord<String, Object> record = new ProducerRecord<>(topic, partition, account, event);
        record.headers().add("id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        producer.send(record).get(30, TimeUnit.SECONDS);
    }

    /** An account opened on {@code partition}. */
    synchronized void openOn(int partition, String account) throws Exception {
        send(partition, account, new AccountOpened(account, "owner")).get(30, TimeUnit.SECONDS);
        lastAmount.put(account, 0L);
    }

    private Future<RecordMetadata> send(Integer partition, String account, Object event) {
        UUID id = UUID.randomUUID();
        ProducerRecord<String, Object> record = new ProducerRecord<>(topic, partition, account, event);
        record.headers().add("id", id.toString().getBytes(StandardCharsets.UTF_8));
        produced.add(id);
        return producer.send(record);
    }

    private static void flush(List<Future<RecordMetadata>> sent) throws Exception {
        for (Future<RecordMetadata> future : sent) {
            future.get(30, TimeUnit.SECONDS);
        }
    }

    synchronized int producedCount() {
        return produced.size();
    }

    /** What a clean rebuild from the produced events gives: account → balance/events. */
    synchronized Map<String, String> rebuilt() {
        Map<String, String> expected = new TreeMap<>();
        lastAmount.forEach((account, last) -> expected.put(account, (last * (last + 1) / 2) + "/" + (last + 1)));
        return expected;
    }

    /** The projection's table: account → balance/events. */
    Map<String, String> projected() throws SQLException {
        return select("SELECT account_id, balance || '/' || events FROM " + schema + ".balances");
    }

    /** How many event ids were applied, and the most times any one was. */
    long[] applications() throws SQLException {
        Map<String, String> row = select("SELECT count(*)::text, coalesce(max(times), 0)::text FROM " + schema
                + ".applications");
        Map.Entry<String, String> only = row.entrySet().iterator().next();
        return new long[] {Long.parseLong(only.getKey()), Long.parseLong(only.getValue())};
    }

    /** The end offset of every partition of the topic. */
    Map<TopicPartition, Long> endOffsets() {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> all = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                all.add(new TopicPartition(topic, p));
            }
            return new HashMap<>(consumer.endOffsets(all, Duration.ofSeconds(30)));
        }
    }

    /** The offsets stored in PostgreSQL for the projection, read with plain SQL. */
    Map<TopicPartition, Long> storedOffsets() throws SQLException {
        Map<TopicPartition, Long> stored = new HashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT topic, partition, next_offset FROM " + schema
                        + ".stele_kafka_offsets WHERE projection = 'kafka-balances'")) {
            while (rows.next()) {
                stored.put(new TopicPartition(rows.getString(1), rows.getInt(2)), rows.getLong(3));
            }
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return stored; // no table yet
            }
            throw e;
        }
        return stored;
    }

    /** Waits until the stored offsets are the end offsets of every partition. */
    void awaitCaughtUp(Duration timeout) throws Exception {
        Map<TopicPartition, Long> end = endOffsets();
        await(timeout, "the stored offsets reach the end offsets " + end, () -> {
            try {
                return storedOffsets().equals(end);
            } catch (SQLException e) {
                return false;
            }
        });
    }

    Map<String, String> select(String sql) throws SQLException {
        Map<String, String> result = new TreeMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                result.put(rows.getString(1), rows.getString(2));
            }
        }
        return result;
    }

    /** Waits for {@code condition}, checking every 50 ms; fails naming {@code what} at the deadline. */
    static void await(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s in vain until " + what);
            }
            Thread.sleep(50);
        }
    }

    /** Every produced event applied exactly once, and the table as a clean rebuild gives it. */
    void assertExactlyOnce() throws SQLException {
        assertThat(projected()).as("the projection equals a clean rebuild from the produced events")
                .isEqualTo(rebuilt());
        long[] applications = applications();
        assertThat(applications[0]).as("event ids applied").isEqualTo(producedCount());
        assertThat(applications[1]).as("the most times one event id was applied").isEqualTo(1);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
