package dev.stele.bench;

import dev.stele.demo.Database;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.format.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The named baseline: Debezium's embedded engine 3.6.1 with its PostgreSQL connector on the same slot
 * kind (pgoutput; slot and publication made beforehand, {@code publication.autocreate.mode=disabled}, no
 * snapshot), tuned as the project measured it fastest ({@code poll.interval.ms=10},
 * {@code max.batch.size=8192}), records converted to JSON without schemas, offsets in memory. An event
 * counts as handled when its record reaches the batch handler, which marks it processed; no write and no
 * transaction of the handler's (Debezium delivers at least once).
 */
final class DebeziumReader implements ChangeReader {

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+).*");
    private static final Pattern STREAM_ID = Pattern.compile("\"stream_id\":\"([^\"]*)\"");
    private static final Pattern STREAM_VERSION = Pattern.compile("\"stream_version\":(\\d+)");

    private final BenchSchema schema;
    private final LatencyRecorder latencies;
    private final Progress progress = new Progress();
    private ExecutorService executor;
    private DebeziumEngine<ChangeEvent<String, String>> engine;
    private volatile Throwable failure;

    DebeziumReader(BenchSchema schema, LatencyRecorder latencies) {
        this.schema = schema;
        this.latencies = latencies;
    }

    @Override
    public Progress progress() {
        return progress;
    }

    @Override
    public void start() throws Exception {
        Matcher url = URL.matcher(Database.jdbcUrl());
        Fixtures.check(url.matches(), "a JDBC URL Debezium can be given: " + Database.describe());
        Properties props = new Properties();
        props.setProperty("name", "bench-" + schema.name);
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
        props.setProperty("slot.name", schema.slot);
        props.setProperty("publication.name", schema.slot);
        props.setProperty("publication.autocreate.mode", "disabled");
        props.setProperty("snapshot.mode", "no_data");
        props.setProperty("table.include.list", schema.eventsTable());
        props.setProperty("poll.interval.ms", "10");
        props.setProperty("max.batch.size", "8192");
        props.setProperty("max.queue.size", "32768");
        props.setProperty("converter.schemas.enable", "false");
        props.setProperty("schema.history.internal", "io.debezium.relational.history.MemorySchemaHistory");
        engine = DebeziumEngine.create(Json.class)
                .using(props)
                .using((success, message, error) -> {
                    if (!success) {
                        failure = error != null ? error : new IllegalStateException(message);
                    }
                })
                .notifying(this::handleBatch)
                .build();
        executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bench-debezium");
            thread.setDaemon(true);
            return thread;
        });
        executor.execute(engine);
    }

    private void handleBatch(List<ChangeEvent<String, String>> records,
            DebeziumEngine.RecordCommitter<ChangeEvent<String, String>> committer) throws InterruptedException {
        int events = 0;
        for (ChangeEvent<String, String> record : records) {
            String value = record.value();
            if (value != null) {
                events++;
                if (latencies != null) {
                    latencies.handled(key(value), System.nanoTime());
                }
            }
            committer.markProcessed(record);
        }
        committer.markBatchFinished();
        if (events > 0) {
            progress.add(events);
        }
    }

    private static String key(String value) {
        Matcher id = STREAM_ID.matcher(value);
        Matcher version = STREAM_VERSION.matcher(value);
        if (!id.find() || !version.find()) {
            throw new IllegalStateException("no stream_id and stream_version in " + value);
        }
        return LatencyRecorder.key(id.group(1), Long.parseLong(version.group(1)));
    }

    @Override
    public Throwable failure() {
        return failure;
    }

    @Override
    public void close() {
        try {
            if (engine != null) {
                engine.close();
            }
            if (executor != null) {
                executor.shutdown();
                executor.awaitTermination(30, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Debezium's engine did not close", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw new IllegalStateException("Debezium's engine failed", failure);
        }
    }
}
