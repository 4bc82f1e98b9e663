package dev.stele.relay;

import dev.stele.replication.ReplicationException;

/**
 * The relay's slot cannot give it every outbox record after the position it confirmed: it was dropped, or
 * its log was removed ({@code wal_status = 'lost'}). A new slot would start at the present and skip what
 * the old one held, so the relay never makes one silently: it stops, having published nothing wrong.
 *
 * <p>To recover: find the events appended since the relay's last published one (the events table keeps them
 * all) and publish them again if consumers need them, then call {@link OutboxRelay#forgetSlot} and start
 * the relay, which makes a new slot.
 */
public final class RelaySlotException extends ReplicationException {

    private static final long serialVersionUID = 1L;

    private final String slotName;

    public RelaySlotException(String slotName, String detail) {
        super("outbox relay slot '" + slotName + "' cannot be used: " + detail + ". Outbox records after its"
                + " confirmed position may not have been published. Republish what consumers miss from the events"
                + " table, then OutboxRelay.forgetSlot and start again");
        this.slotName = slotName;
    }

    public String slotName() {
        return slotName;
    }
}
