package dev.stele.replication;

import dev.stele.SteleException;

/**
 * A replication slot that cannot be read from where its consumers stand: it is missing, its log was
 * removed, or it is past a consumer's checkpoint. A new slot would start at the current log position and
 * skip everything the old one held, so Stele never creates one silently in its place: the consumer
 * stops with this error, and the fix is the one {@link #recovery()} names.
 */
public class SlotUnusableException extends SteleException {

    private static final long serialVersionUID = 1L;

    /** Why the slot cannot be used. */
    public enum Reason {
        /** There is no slot of that name (dropped, or never created on this server). */
        MISSING,
        /** {@code wal_status = 'lost'}: the log it needed was removed. */
        LOST,
        /** Its confirmed position is past a consumer's checkpoint: what lies between was never applied. */
        AHEAD_OF_CHECKPOINT
    }

    private final String slotName;
    private final Reason reason;

    public SlotUnusableException(String slotName, Reason reason, String detail) {
        super("replication slot '" + slotName + "' " + detail + ". " + recovery(reason));
        this.slotName = slotName;
        this.reason = reason;
    }

    public String slotName() {
        return slotName;
    }

    public Reason reason() {
        return reason;
    }

    /** What to do about it. */
    public String recovery() {
        return recovery(reason);
    }

    private static String recovery(Reason reason) {
        return switch (reason) {
            case MISSING, LOST -> "Events appended since the consumers' checkpoints may not reach them through a new"
                    + " slot: rebuild the projections from the events table, which creates a new slot at a known"
                    + " boundary";
            case AHEAD_OF_CHECKPOINT -> "Another consumer confirmed positions this one never applied (two"
                    + " deployments sharing a slot name?): give each its own slot, and rebuild this projection from the"
                    + " events table";
        };
    }
}
