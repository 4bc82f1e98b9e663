package dev.stele.inspect;

import dev.stele.replication.SlotStatus;
import java.util.List;
import java.util.Optional;

/**
 * A replication slot Stele registered, for projections or for a relay, and what PostgreSQL says of it.
 *
 * @param users the projections registered on it, or the relay's publication
 * @param slot what {@code pg_replication_slots} says; empty when the slot is missing
 */
public record SlotReport(String slotName, Kind kind, List<String> users, Optional<SlotStatus> slot) {

    /** What reads the slot. */
    public enum Kind {
        /** A {@code ProjectionRunner}: registered in the projections table. */
        PROJECTIONS,
        /** An {@code OutboxRelay}: registered in the relays table. */
        RELAY
    }

    public SlotReport {
        users = List.copyOf(users);
    }

    /** Whether the slot exists. */
    public boolean exists() {
        return slot.isPresent();
    }

    /** Whether the slot is missing or its log is lost: whoever reads it can never resume. */
    public boolean unusable() {
        return slot.isEmpty() || !slot.get().isUsable();
    }

    /** Whether a process reads the slot now. */
    public boolean active() {
        return slot.map(SlotStatus::active).orElse(false);
    }

    /** Log written that the reader has not confirmed yet; 0 when the slot is missing. */
    public long lagBytes() {
        return slot.map(SlotStatus::unconfirmedBytes).orElse(0L);
    }

    /** Log the server keeps for the slot; 0 when the slot is missing. */
    public long walRetainedBytes() {
        return slot.map(SlotStatus::walRetainedBytes).orElse(0L);
    }

    @Override
    public String toString() {
        String what = slotName + " (" + kind.name().toLowerCase(java.util.Locale.ROOT) + " " + users + "): ";
        return slot.map(s -> what + (s.active() ? "active" : "inactive") + ", wal_status " + s.walStatus()
                + ", restart " + s.restartLsn() + ", confirmed " + s.confirmedFlushLsn() + ", lag " + lagBytes()
                + " bytes, WAL retained " + walRetainedBytes() + " bytes"
                + (s.safeWalSize().isPresent() ? ", safe WAL size " + s.safeWalSize().getAsLong() + " bytes" : ""))
                .orElse(what + "MISSING");
    }
}
