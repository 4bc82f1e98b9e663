package dev.stele.inspect;

import dev.stele.projection.Lsn;
import dev.stele.replication.FailedEvent;
import java.util.Optional;

/**
 * A registered projection as the database records it. What only the running process knows (whether a runner runs it
 * now, its lag in time and events, the events applied since it started) is in {@code ProjectionRunner.status()};
 * whether some runner reads its slot is {@link SlotReport#active()}.
 *
 * @param checkpoint the oldest checkpoint of its partitions: everything committed before it is applied
 * @param lagBytes log written since {@code checkpoint} (a checkpoint moves with the transactions the projection
 *     applies, so an idle projection shows the log written since its last event)
 * @param catchUpPosition while catching up: the global position of the last event applied from the events table
 * @param stoppedOn the poison event it stopped on, as the runner recorded it; cleared when a runner applies it again
 * @param parkedEvents how many of its events are parked
 */
public record ProjectionReport(String name, String slotName, int partitions, Phase phase, Lsn checkpoint,
        long lagBytes, long catchUpPosition, Optional<FailedEvent> stoppedOn, long parkedEvents) {

    /** Where a projection is, as the database records it. */
    public enum Phase {
        /** Registered; its catch-up from the events table has not finished. */
        CATCHING_UP,
        /** Caught up: it follows its slot. */
        FOLLOWING_SLOT,
        /** Stopped on a poison event; restart its runner once the handler is fixed. */
        STOPPED
    }

    @Override
    public String toString() {
        return name + " on " + slotName + ": " + phase + ", " + partitions + " partition" + (partitions == 1 ? "" : "s")
                + ", checkpoint " + checkpoint + ", lag " + lagBytes + " bytes"
                + (phase == Phase.CATCHING_UP ? ", catch-up at position " + catchUpPosition : "")
                + ", " + parkedEvents + " parked" + stoppedOn.map(e -> ", stopped on " + e).orElse("");
    }
}
