package dev.stele.replication;

import dev.stele.projection.Lsn;
import java.time.Duration;
import java.util.Optional;

/**
 * One projection, as {@link ProjectionRunner#status()} sees it.
 *
 * @param checkpoint the oldest checkpoint of its partitions: everything committed before it is applied
 * @param lagBytes log written since {@code checkpoint}
 * @param lagTime from the commit of the last event it applied to the newest commit the runner has read
 * @param lagEvents events the runner has read for it and not applied yet
 * @param applied events applied since the runner started
 * @param stoppedOn the poison event it stopped on, when {@code state} is {@link State#STOPPED}
 * @param catchUp the catch-up's progress while {@code state} is {@link State#CATCHING_UP}, from its first report
 *     (once its total is counted)
 */
public record ProjectionStatus(String name, State state, int partitions, Lsn checkpoint, long lagBytes,
        Duration lagTime, long lagEvents, long applied, Optional<FailedEvent> stoppedOn,
        Optional<CatchUpProgress> catchUp) {

    /** Where a projection is. */
    public enum State {
        /** The runner is not reading the slot (starting, standing by, reconnecting, failed or closed). */
        IDLE,
        /** Reading the events table, before it joins the slot. */
        CATCHING_UP,
        /** Applying what the slot delivers. */
        LIVE,
        /** Stopped on a poison event; the others go on. Restart the runner once the handler is fixed. */
        STOPPED
    }
}
