package dev.stele.kafka.internal;

import dev.stele.kafka.KafkaPartitionStatus;
import dev.stele.kafka.KafkaProjectionStatus;
import dev.stele.kafka.KafkaProjectionStatus.State;
import dev.stele.kafka.PoisonRecordException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * What the consumer thread knows of its partitions, and what {@code status()} reads from another thread. The
 * consumer thread alone writes; every method is synchronized.
 */
public final class Progress {

    /** One held partition; {@code expected} is the fencing token: the stored offset as last read or written. */
    private static final class Held {
        long expected = -1;
        long applied;
        PoisonRecordException stoppedOn;
    }

    private final String projection;
    private final String groupId;
    private final Map<TopicPartition, Held> held = new TreeMap<>(Partitions.ORDER);
    private final Map<TopicPartition, PoisonRecordException> poisoned = new TreeMap<>(Partitions.ORDER);
    private State state = State.NEW;
    private Throwable problem;
    private long applied;
    private long fenced;

    public Progress(String projection, String groupId) {
        this.projection = projection;
        this.groupId = groupId;
    }

    public synchronized State state() {
        return state;
    }

    public synchronized void state(State state, Throwable problem) {
        this.state = state;
        this.problem = problem;
    }

    synchronized void assigned(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            held.put(partition, new Held());
        }
    }

    synchronized void released(Collection<TopicPartition> partitions) {
        partitions.forEach(held::remove);
    }

    synchronized boolean holds(TopicPartition partition) {
        return held.containsKey(partition);
    }

    /** Whether records of the partition may be applied: held, its stored offset known, not stopped. */
    synchronized boolean active(TopicPartition partition) {
        Held one = held.get(partition);
        return one != null && one.expected >= 0 && one.stoppedOn == null;
    }

    /** The held partitions whose stored offset must be read before their records are applied. */
    synchronized List<TopicPartition> unsynced() {
        List<TopicPartition> unsynced = new ArrayList<>();
        held.forEach((partition, one) -> {
            if (one.expected < 0) {
                unsynced.add(partition);
            }
        });
        return unsynced;
    }

    synchronized long expected(TopicPartition partition) {
        return held.get(partition).expected;
    }

    /** The stored offset was read (and the consumer sought to it). */
    synchronized void synced(TopicPartition partition, long stored) {
        Held one = held.get(partition);
        if (one != null) {
            one.expected = stored;
            one.stoppedOn = null;
        }
    }

    /** The stored offset is not known any more (a failed batch): read it again before applying. */
    synchronized void unsynced(TopicPartition partition) {
        Held one = held.get(partition);
        if (one != null) {
            one.expected = -1;
        }
    }

    synchronized void committed(BatchOutcome outcome) {
        Held one = held.get(outcome.partition());
        if (outcome.fenced()) {
            fenced++;
        }
        applied += outcome.applied();
        PoisonRecordException last = poisoned.get(outcome.partition());
        if (outcome.stoppedOn() != null) {
            poisoned.put(outcome.partition(), outcome.stoppedOn());
        } else if (last != null && !outcome.fenced() && outcome.storedOffset() > last.offset()) {
            poisoned.remove(outcome.partition());
        }
        if (one == null) {
            return;
        }
        one.expected = outcome.storedOffset();
        one.applied += outcome.applied();
        if (outcome.stoppedOn() != null) {
            one.stoppedOn = outcome.stoppedOn();
        }
    }

    public synchronized KafkaProjectionStatus status() {
        List<KafkaPartitionStatus> partitions = new ArrayList<>();
        held.forEach((partition, one) -> partitions.add(new KafkaPartitionStatus(partition.topic(),
                partition.partition(), one.expected, one.applied, Optional.ofNullable(one.stoppedOn))));
        return new KafkaProjectionStatus(projection, groupId, state, List.copyOf(partitions), applied, fenced,
                List.copyOf(poisoned.values()), Optional.ofNullable(problem));
    }
}
