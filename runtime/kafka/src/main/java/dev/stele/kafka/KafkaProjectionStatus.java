package dev.stele.kafka;

import java.util.List;
import java.util.Optional;

/**
 * Where a {@link KafkaProjectionRunner} stands.
 *
 * @param projection the projection's name
 * @param groupId the consumer group
 * @param state the runner's state
 * @param partitions the partitions this runner holds now, by topic and partition
 * @param applied records applied by this runner since it started, over all partitions
 * @param fencedBatches batches of a partition this runner rolled back because the stored offset was not the one
 *     it expected (another instance had moved it: a rebalance it had not yet seen); each time it read the stored
 *     offset again and went on from there
 * @param poisoned the records this runner stopped a partition on since it started, the latest per partition, in
 *     partition order; kept when the partition moves to another instance (which will stop on it too), dropped once
 *     this runner applies past it
 * @param problem the last error while {@link State#RETRYING}, or the one the runner {@link State#FAILED} with
 */
public record KafkaProjectionStatus(String projection, String groupId, State state,
        List<KafkaPartitionStatus> partitions, long applied, long fencedBatches, List<PoisonRecordException> poisoned,
        Optional<Throwable> problem) {

    /** The runner's state. */
    public enum State {
        NEW,
        /** Polling and applying (a partition may have stopped on a poison record: see its status). */
        RUNNING,
        /** PostgreSQL failed a batch: it backs off, reads the stored offsets again and retries. */
        RETRYING,
        /** Kafka refused to go on (an offset out of range, authorization, …): the runner stopped; see the problem. */
        FAILED,
        CLOSED
    }

    /** The partitions held now that stopped on a poison record. */
    public List<KafkaPartitionStatus> stopped() {
        return partitions.stream().filter(partition -> partition.stoppedOn().isPresent()).toList();
    }
}
