package dev.stele.replication;

import dev.stele.projection.Lsn;
import java.time.Instant;

/**
 * Hooks for metrics and alerts, called on the runner's threads: keep them quick and do not throw (what
 * they throw is ignored). No metrics library is imposed: feed the one you use from here.
 */
public interface ProjectionListener {

    /** A listener that does nothing. */
    ProjectionListener NONE = new ProjectionListener() {
    };

    /** A partition committed {@code events} events with its checkpoint, the last committed at {@code commitTime}. */
    default void applied(String projection, int partition, int events, Lsn checkpoint, Instant commitTime) {
    }

    /** A catch-up from the events table moved on (about once a second once its total is counted, and when it ends). */
    default void catchUpProgress(CatchUpProgress progress) {
    }

    /** An event failed every attempt; by {@code policy} the projection stopped or the event was parked. */
    default void poisoned(FailedEvent event, PoisonPolicy policy) {
    }

    /** The runner's state changed; {@code problem} is why, when it is an error. */
    default void stateChanged(RunnerStatus.State state, Throwable problem) {
    }
}
