package dev.stele.replication;

import java.util.List;
import java.util.Optional;

/**
 * A {@link ProjectionRunner}'s state, its slot and its projections.
 *
 * @param slot the slot as PostgreSQL reports it, if it exists and the database could be asked
 * @param problem the error that failed the runner ({@link State#FAILED}) or that it is reconnecting after
 *     ({@link State#RECONNECTING})
 */
public record RunnerStatus(String slotName, State state, Optional<SlotStatus> slot, List<ProjectionStatus> projections,
        Optional<Throwable> problem) {

    /** Where a runner is. */
    public enum State {
        /** Built, not started. */
        NEW,
        /** Another instance reads the slot; this one takes over when that one stops. */
        STANDBY,
        /** Projections that are new or were reset read the events table. */
        CATCHING_UP,
        /** Reading the slot. */
        RUNNING,
        /** The connection dropped or the server restarted; trying again with backoff. */
        RECONNECTING,
        /** Stopped on an error it cannot recover from by itself, such as a lost slot: see {@code problem}. */
        FAILED,
        /** Closed. */
        CLOSED
    }

    /** The status of one projection, by name. */
    public Optional<ProjectionStatus> projection(String name) {
        return projections.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
