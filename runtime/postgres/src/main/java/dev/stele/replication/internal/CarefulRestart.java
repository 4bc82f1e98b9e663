package dev.stele.replication.internal;

/**
 * A handler failed in a batch: the session starts over at once from the durable checkpoints, and the
 * failed partition applies the transactions up to the failing one event by event, with retries.
 */
public final class CarefulRestart extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CarefulRestart(String projection, int partition, Throwable cause) {
        super("projection " + projection + " partition " + partition + " failed in a batch; applying it again event by"
                + " event", cause);
    }
}
