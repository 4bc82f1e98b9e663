package dev.stele.replication;

import dev.stele.projection.Lsn;
import java.util.OptionalLong;

/**
 * What PostgreSQL says of a replication slot ({@code pg_replication_slots}), and how much log it holds
 * back: what an operator watches so that an idle or stuck consumer never fills the disk unseen.
 *
 * @param restartLsn the oldest log position the slot still needs; the server keeps every segment from it
 * @param confirmedFlushLsn how far the consumer has confirmed; a restart resumes after it
 * @param walStatus whether the log the slot needs is still there ({@code LOST}: it is gone, the slot is
 *     unusable)
 * @param safeWalSize how many more bytes may be written before the slot is at risk of {@code LOST}, when
 *     {@code max_slot_wal_keep_size} bounds it
 * @param currentLsn the server's current insert position in the log, when the status was read
 */
public record SlotStatus(String slotName, String plugin, boolean active, Lsn restartLsn, Lsn confirmedFlushLsn,
        WalStatus walStatus, OptionalLong safeWalSize, Lsn currentLsn) {

    /** PostgreSQL's {@code wal_status} of a slot. */
    public enum WalStatus {
        /** The log it needs is within {@code max_wal_size}. */
        RESERVED,
        /** Beyond {@code max_wal_size}, kept for the slot. */
        EXTENDED,
        /** Past {@code max_slot_wal_keep_size}: it will be lost at the next checkpoint unless it advances. */
        UNRESERVED,
        /** The log it needs was removed: the slot can never be read again. */
        LOST,
        /** The slot holds no log yet (it has no {@code restart_lsn}). */
        NONE
    }

    /** Bytes of log the server keeps for this slot: from its restart position to the current one. */
    public long walRetainedBytes() {
        return currentLsn.bytesSince(restartLsn);
    }

    /** Bytes of log written that the consumer has not confirmed yet. */
    public long unconfirmedBytes() {
        return currentLsn.bytesSince(confirmedFlushLsn);
    }

    /** Whether the slot can still be read: its log is not lost. */
    public boolean isUsable() {
        return walStatus != WalStatus.LOST;
    }
}
