package dev.stele.kafka.internal;

import dev.stele.cdc.OutboxRouterRecords;
import dev.stele.kafka.KafkaProjectionStatus.State;
import dev.stele.replication.internal.Backoff;
import dev.stele.spi.ProjectionType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer thread of a {@code KafkaProjectionRunner}: polls, applies each poll in one transaction with the
 * stored offsets, and on every assignment seeks to the offsets stored in PostgreSQL (the beginning of a partition
 * that has none). Kafka's own committed offsets are written after each commit for monitoring only.
 */
public final class ConsumerLoop<P> implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerLoop.class);

    /** What the loop runs with. */
    public record Settings<P>(DataSource dataSource, OffsetsTable offsets, String projection, String groupId,
            List<String> topics, OutboxRouterRecords reader, ProjectionType<P> type, P instance, int attempts,
            Backoff retryBackoff, Backoff failureBackoff, Duration pollTimeout) {
    }

    private final Settings<P> settings;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Progress progress;
    private final RecordReader reader;
    private final BatchApplier<P> applier;
    private volatile boolean closed;
    private volatile boolean closingConsumer;
    private Exception syncProblem;

    public ConsumerLoop(Settings<P> settings, KafkaConsumer<byte[], byte[]> consumer, Progress progress) {
        this.settings = settings;
        this.consumer = consumer;
        this.progress = progress;
        this.reader = new RecordReader(settings.reader(), settings.type().handledEvents(), settings.projection());
        this.applier = new BatchApplier<>(settings.dataSource(), settings.offsets(), settings.projection(),
                settings.groupId(), settings.type(), settings.instance(), settings.attempts(), settings.retryBackoff());
    }

    /** Makes the loop end: the consumer's poll returns at once; a batch being applied rolls back or commits. */
    public void close() {
        closed = true;
        consumer.wakeup();
    }

    /**
     * Whether the loop has left its work and is closing the consumer: an interrupt then would only keep the consumer
     * from leaving its group cleanly.
     */
    public boolean closingConsumer() {
        return closingConsumer;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(settings.topics(), new Rebalance());
            progress.state(State.RUNNING, null);
            int failures = 0;
            while (!closed) {
                if (!resync()) {
                    progress.state(State.RETRYING, syncProblem);
                    settings.failureBackoff().sleep(++failures);
                    continue;
                }
                ConsumerRecords<byte[], byte[]> records = consumer.poll(settings.pollTimeout());
                List<PartitionBatch> batches = batches(records);
                if (batches.isEmpty()) {
                    continue;
                }
                try {
                    committed(applier.apply(batches));
                    if (failures > 0) {
                        failures = 0;
                        progress.state(State.RUNNING, null);
                    }
                } catch (SQLException | RuntimeException e) {
                    LOG.warn("Projection {}: a batch failed and rolled back; reading the stored offsets again: {}",
                            settings.projection(), e.toString());
                    batches.forEach(batch -> progress.unsynced(batch.partition()));
                    progress.state(State.RETRYING, e);
                    settings.failureBackoff().sleep(++failures);
                }
            }
        } catch (WakeupException | InterruptedException | InterruptException e) {
            if (!closed) {
                progress.state(State.FAILED, e);
            }
        } catch (KafkaException e) {
            if (!closed) {
                LOG.error("Projection {}: the Kafka consumer failed; the runner stops", settings.projection(), e);
                progress.state(State.FAILED, e);
            }
        } catch (RuntimeException | Error e) {
            LOG.error("Projection {}: the runner stops", settings.projection(), e);
            progress.state(State.FAILED, e);
            throw e;
        } finally {
            closingConsumer = true;
            // a close that interrupted a handler must not keep the consumer from leaving its group
            Thread.interrupted();
            try {
                consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
            } catch (RuntimeException e) {
                LOG.debug("Projection {}: closing the consumer: {}", settings.projection(), e.toString());
            }
        }
    }

    private List<PartitionBatch> batches(ConsumerRecords<byte[], byte[]> records) {
        List<TopicPartition> partitions = new ArrayList<>(records.partitions());
        partitions.sort(Partitions.ORDER);
        List<PartitionBatch> batches = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            if (!progress.active(partition)) {
                continue;
            }
            List<ReadRecord> reads = new ArrayList<>();
            ReadRecord unreadable = null;
            for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
                ReadRecord read = reader.read(record);
                if (read.unreadable() != null) {
                    unreadable = read;
                    break;
                }
                reads.add(read);
            }
            batches.add(new PartitionBatch(partition, progress.expected(partition), reads,
                    unreadable == null ? null : unreadable.unreadable()));
        }
        return batches;
    }

    private void committed(List<BatchOutcome> outcomes) {
        Map<TopicPartition, OffsetAndMetadata> moved = new HashMap<>();
        for (BatchOutcome outcome : outcomes) {
            progress.committed(outcome);
            TopicPartition partition = outcome.partition();
            if (outcome.fenced()) {
                LOG.info("Projection {}: partition {} was moved to offset {} by another instance; going on from there",
                        settings.projection(), partition, outcome.storedOffset());
                if (outcome.storedOffset() >= 0) {
                    consumer.seek(partition, outcome.storedOffset());
                } else {
                    progress.unsynced(partition);
                }
                continue;
            }
            moved.put(partition, new OffsetAndMetadata(outcome.storedOffset()));
            if (outcome.stoppedOn() != null) {
                LOG.error("Projection {}: {}", settings.projection(), outcome.stoppedOn().getMessage(),
                        outcome.stoppedOn().getCause());
                consumer.pause(List.of(partition));
            }
        }
        if (!moved.isEmpty()) {
            // for monitoring (consumer lag) only: PostgreSQL's offsets are the ones read back
            consumer.commitAsync(moved, (offsets, error) -> {
                if (error != null) {
                    LOG.debug("Projection {}: informational offset commit failed: {}", settings.projection(),
                            error.toString());
                }
            });
        }
    }

    /**
     * Reads the stored offsets of the held partitions that need it, writes the beginning offset for one that has
     * none, and seeks there. False if PostgreSQL failed: those partitions stay paused until a later attempt.
     */
    private boolean resync() {
        List<TopicPartition> pending = progress.unsynced();
        if (pending.isEmpty()) {
            return true;
        }
        try (Connection connection = settings.dataSource().getConnection()) {
            Map<TopicPartition, Long> beginnings = null;
            for (TopicPartition partition : pending) {
                OptionalLong stored = settings.offsets().find(connection, settings.projection(), partition);
                if (stored.isEmpty()) {
                    if (beginnings == null) {
                        beginnings = consumer.beginningOffsets(pending);
                    }
                    settings.offsets().insertIfMissing(connection, settings.projection(), settings.groupId(),
                            partition, beginnings.get(partition));
                    stored = settings.offsets().find(connection, settings.projection(), partition);
                }
                long offset = stored.orElseThrow();
                consumer.seek(partition, offset);
                progress.synced(partition, offset);
            }
            consumer.resume(pending);
            return true;
        } catch (SQLException e) {
            syncProblem = e;
            LOG.warn("Projection {}: cannot read the stored offsets of {}: {}", settings.projection(), pending,
                    e.toString());
            consumer.pause(pending);
            return false;
        }
    }

    /** On assignment, seek to the stored offsets; on revocation or loss, forget the partitions. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            progress.assigned(partitions);
            LOG.info("Projection {}: assigned {}", settings.projection(), partitions);
            resync();
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            progress.released(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            progress.released(partitions);
        }
    }
}
