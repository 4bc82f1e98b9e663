package dev.stele.bench;

import dev.stele.demo.Database;
import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.SimpleHeaderConverter;
import org.apache.kafka.connect.storage.StringConverter;

/**
 * The named baseline of the relay benchmark: Debezium's embedded engine 3.6.1 (PostgreSQL connector, pgoutput)
 * with its Outbox Event Router ({@code io.debezium.transforms.outbox.EventRouter}, default columns, which are
 * {@code stele_outbox}'s), producing to Kafka the way a Kafka Connect worker does: each routed
 * {@link SourceRecord} converted by Connect's converters (key and value {@link StringConverter}, headers
 * {@link SimpleHeaderConverter}: the key is the aggregate id, the value the payload's JSON text, header {@code id}
 * the event id; the same bytes as {@link BenchKafkaPublisher}'s), sent without waiting, the batch marked processed
 * and the next polled; an event counts when the broker acknowledged it ({@link OutboxAcks}).
 *
 * <p>Engine settings: slot and publication made beforehand ({@code publication.autocreate.mode=disabled}, no
 * snapshot), tuned as FACTS.md measured it fastest: {@code poll.interval.ms=10}, {@code max.batch.size=8192},
 * {@code max.queue.size=32768}; offsets in memory. The producer is the harness's, with the settings the relay's
 * publisher gets (idempotent, {@code acks=all}; a Connect worker would also force
 * {@code max.in.flight.requests.per.connection=1}, which is not done here, in Debezium's favour).
 */
final class DebeziumOutboxRouter implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+).*");

    private final KafkaProducer<byte[], byte[]> producer;
    private final OutboxAcks acks;
    private final StringConverter keys = new StringConverter();
    private final StringConverter values = new StringConverter();
    private final SimpleHeaderConverter headerConverter = new SimpleHeaderConverter();
    private final DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "bench-debezium"));
    private volatile Throwable failure;

    DebeziumOutboxRouter(String name, String slot, String publication, String outboxTable,
            KafkaProducer<byte[], byte[]> producer, OutboxAcks acks) {
        this.producer = producer;
        this.acks = acks;
        keys.configure(Map.of(), true);
        values.configure(Map.of(), false);
        headerConverter.configure(Map.of());
        Matcher url = URL.matcher(Database.jdbcUrl());
        Fixtures.check(url.matches(), "a JDBC URL Debezium can be given: " + Database.describe());
        Properties props = new Properties();
        props.setProperty("name", name);
        props.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        props.setProperty("offset.storage", "org.apache.kafka.connect.storage.MemoryOffsetBackingStore");
        props.setProperty("offset.flush.interval.ms", "1000");
        props.setProperty("database.hostname", url.group(1));
        props.setProperty("database.port", url.group(2));
        props.setProperty("database.dbname", url.group(3));
        props.setProperty("database.user", "postgres");
        props.setProperty("database.password", "postgres");
        props.setProperty("topic.prefix", "bench");
        props.setProperty("plugin.name", "pgoutput");
        props.setProperty("slot.name", slot);
        props.setProperty("publication.name", publication);
        props.setProperty("publication.autocreate.mode", "disabled");
        props.setProperty("snapshot.mode", "no_data");
        props.setProperty("table.include.list", outboxTable);
        props.setProperty("tombstones.on.delete", "false");
        props.setProperty("poll.interval.ms", "10");
        props.setProperty("max.batch.size", "8192");
        props.setProperty("max.queue.size", "32768");
        props.setProperty("schema.history.internal", "io.debezium.relational.history.MemorySchemaHistory");
        props.setProperty("transforms", "outbox");
        props.setProperty("transforms.outbox.type", "io.debezium.transforms.outbox.EventRouter");
        engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                .using(props)
                .using((success, message, error) -> {
                    if (!success) {
                        failure = error != null ? error : new IllegalStateException(message);
                    }
                })
                .notifying(this::handleBatch)
                .build();
    }

    void start() {
        executor.execute(engine);
    }

    Throwable failure() {
        return failure;
    }

    private void handleBatch(List<RecordChangeEvent<SourceRecord>> batch,
            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer) throws InterruptedException {
        for (RecordChangeEvent<SourceRecord> change : batch) {
            SourceRecord record = change.record();
            if (record.value() != null) { // the router routes inserts; nothing else reaches it here
                send(record);
            }
            committer.markProcessed(change);
        }
        committer.markBatchFinished();
    }

    private void send(SourceRecord record) {
        String topic = record.topic();
        RecordHeaders headers = new RecordHeaders();
        String id = null;
        for (Header header : record.headers()) {
            byte[] bytes = headerConverter.fromConnectHeader(topic, header.key(), header.schema(), header.value());
            headers.add(header.key(), bytes);
            if (header.key().equals("id")) {
                id = new String(bytes, StandardCharsets.UTF_8);
            }
        }
        byte[] key = keys.fromConnectData(topic, headers, record.keySchema(), record.key());
        byte[] value = values.fromConnectData(topic, headers, record.valueSchema(), record.value());
        String eventId = id;
        producer.send(new ProducerRecord<>(topic, null, key, value, headers), (metadata, problem) -> {
            if (problem != null) {
                acks.failed(problem);
            } else {
                acks.acknowledged(eventId);
            }
        });
    }

    @Override
    public void close() throws Exception {
        try {
            engine.close();
        } finally {
            executor.shutdown();
            Fixtures.check(executor.awaitTermination(30, TimeUnit.SECONDS), "the Debezium engine stops within 30 s");
        }
    }
}
