package dev.stele.inspect;

import dev.stele.projection.Lsn;
import dev.stele.replication.FailedEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * A registered projection as the database records it: one version of a {@code @Projection}, registered as
 * {@code name} ({@code projectionName} for version 1, {@code projectionName@vN} from version 2). What only the
 * running process knows (whether a runner runs it now, its lag in time and events, the events applied since it
 * started, its catch-up rate) is in {@code ProjectionRunner.status()}; whether some runner reads its slot is
 * {@link SlotReport#active()}.
 *
 * @param name the registration's name: the key of its checkpoints, parked events and stop
 * @param projectionName the name from {@code @Projection(name = …)}, shared by its versions
 * @param version the version from {@code @Projection(version = …)}
 * @param current whether this version's read model is the current one of {@code projectionName}
 * @param switchedAt when this version became current; empty unless {@code current}, and on a schema older than
 *     migration 5 (where version 1, once caught up, is current)
 * @param checkpoint the oldest checkpoint of its partitions: everything committed before it is applied
 * @param lagBytes log written since {@code checkpoint} (a checkpoint moves with the transactions the projection
 *     applies, so an idle projection shows the log written since its last event)
 * @param catchUpPosition while catching up: the global position of the last event applied from the events table
 * @param catchUp while catching up: how many of the events it reads from the events table it has passed
 * @param stoppedOn the poison event it stopped on, as the runner recorded it; cleared when a runner applies it again
 * @param parkedEvents how many of its events are parked
 */
public record ProjectionReport(String name, String projectionName, int version, boolean current,
        Optional<Instant> switchedAt, String slotName, int partitions, Phase phase, Lsn checkpoint, long lagBytes,
        long catchUpPosition, Optional<CatchUp> catchUp, Optional<FailedEvent> stoppedOn, long parkedEvents) {

    /** Where a projection is, as the database records it. */
    public enum Phase {
        /** Registered; its catch-up from the events table has not finished. No other version of it is current. */
        CATCHING_UP,
        /** Caught up: it follows its slot. It is the current version, or no version is current yet. */
        FOLLOWING_SLOT,
        /**
         * A version newer than the current one: catching up from the events table, or following the slot until it
         * has drawn level with the current version, when its runner makes it current.
         */
        REBUILDING,
        /** A version older than the current one, still registered (and applied while a runner runs it): retire it. */
        SUPERSEDED,
        /** Stopped on a poison event; restart its runner once the handler is fixed. */
        STOPPED
    }

    /**
     * How far a catch-up from the events table has come, counted in the database: the events the registration's
     * snapshot sees (those committed before it joins the slot) at or before its catch-up position, of all of them.
     *
     * @param handledOnly whether only the events the projection handles are counted (the Inspector found its
     *     generated projection type); else every event the snapshot sees, handled or not
     */
    public record CatchUp(long done, long total, boolean handledOnly) {

        /** Done as a fraction of the total, 1 for an empty catch-up. */
        public double fraction() {
            return total == 0 ? 1 : (double) done / total;
        }

        @Override
        public String toString() {
            return done + " of " + total + (handledOnly ? "" : " (all events)");
        }
    }

    @Override
    public String toString() {
        return name + " (version " + version + " of " + projectionName + (current ? ", current" : "") + ") on "
                + slotName + ": " + phase + ", " + partitions + " partition" + (partitions == 1 ? "" : "s")
                + ", checkpoint " + checkpoint + ", lag " + lagBytes + " bytes"
                + catchUp.map(c -> ", caught up " + c + " events (position " + catchUpPosition + ")").orElse("")
                + ", " + parkedEvents + " parked" + stoppedOn.map(e -> ", stopped on " + e).orElse("");
    }
}
