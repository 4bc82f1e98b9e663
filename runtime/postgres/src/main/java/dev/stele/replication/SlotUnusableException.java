package dev.stele.replication;

/**
 * The replication slot cannot give the projections every change after their checkpoints: it is lost,
 * missing, or was moved past a checkpoint. Stele never recreates a slot silently, since a new slot starts
 * at the present and would skip whatever the old one held; the runner stops, and no projection advances.
 *
 * <p>To recover, reset the projections that run on the slot ({@link ProjectionRunner#reset}, clearing
 * their read models in the same transaction) and start again: they catch up from the events table,
 * which holds every event, and a new slot is created.
 */
public final class SlotUnusableException extends ReplicationException {

    private static final long serialVersionUID = 1L;

    /** Why the slot cannot be used. */
    public enum Reason {
        /** {@code wal_status = 'lost'}: the log it needed was removed ({@code max_slot_wal_keep_size}). */
        LOST,
        /** There is no slot of that name, but projections have checkpoints on it: it was dropped. */
        MISSING,
        /** Its confirmed position is past a projection's checkpoint: something else consumed or replaced it. */
        PAST_CHECKPOINT
    }

    private final String slotName;
    private final Reason reason;

    public SlotUnusableException(String slotName, Reason reason, String detail) {
        super("replication slot '" + slotName + "' cannot be used: " + detail + ". No projection was moved past its"
                + " checkpoint. To recover, reset the projections registered on it (ProjectionRunner.reset, clearing"
                + " their read models) and start again: they catch up from the events table, and once no projection"
                + " depends on the old slot a new one is made");
        this.slotName = slotName;
        this.reason = reason;
    }

    public String slotName() {
        return slotName;
    }

    public Reason reason() {
        return reason;
    }
}
