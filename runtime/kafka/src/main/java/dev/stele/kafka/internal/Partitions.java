package dev.stele.kafka.internal;

import java.util.Comparator;
import org.apache.kafka.common.TopicPartition;

/** The one order of partitions: offset rows are locked in it, so two instances never wait on each other in a cycle. */
final class Partitions {

    static final Comparator<TopicPartition> ORDER = Comparator.comparing(TopicPartition::topic)
            .thenComparingInt(TopicPartition::partition);

    private Partitions() {
    }
}
