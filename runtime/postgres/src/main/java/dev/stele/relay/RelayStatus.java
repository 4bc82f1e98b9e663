package dev.stele.relay;

import dev.stele.projection.Lsn;
import dev.stele.replication.SlotStatus;
import java.util.Optional;

/**
 * An {@link OutboxRelay}'s state and its slot: what an operator watches, so that a relay that is stuck (a broker
 * down, a publish failing) is seen while the slot holds back the log, before the disk fills.
 *
 * @param slot the slot as PostgreSQL reports it ({@link SlotStatus#walRetainedBytes()}: the log it holds back),
 *     if it exists and the database could be asked
 * @param confirmed the position this relay confirmed last: everything committed before it was published
 * @param published records the publisher acknowledged since the relay started
 * @param inFlight records handed to the publisher and not acknowledged yet
 * @param problem what failed the relay ({@link State#FAILED}) or what it is retrying after
 *     ({@link State#RECONNECTING})
 */
public record RelayStatus(String slotName, State state, Optional<SlotStatus> slot, Lsn confirmed, long published,
        int inFlight, Optional<Throwable> problem) {

    /** Where a relay is. */
    public enum State {
        /** Built, or started and not reading yet (making its slot, connecting). */
        NEW,
        /** Another instance relays from the slot; this one takes over when that one stops. */
        STANDBY,
        /** Reading the slot and publishing. */
        RUNNING,
        /** A publish or the connection failed; starting again from the confirmed position, with backoff. */
        RECONNECTING,
        /** Stopped on what it cannot get past by itself (an unreadable outbox record, a lost slot): see problem. */
        FAILED,
        /** Closed. */
        CLOSED
    }
}
