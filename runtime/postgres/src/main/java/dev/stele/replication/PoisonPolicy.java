package dev.stele.replication;

/**
 * What a projection does with an event its handler keeps failing on (after its retries), or that cannot
 * be decoded: a poison event. Never skipped silently.
 */
public enum PoisonPolicy {

    /**
     * The projection stops before the event: its checkpoint stays where it was, {@code status()} shows the
     * event and the error, and the other projections go on. The slot keeps the log from that point, so fix
     * the handler and restart soon. The default.
     */
    STOP,

    /**
     * The event is recorded in the parked events table with its error, in the transaction that moves the
     * projection past it, and the projection goes on. Parked events are listed and replayed after a fix
     * with {@link ProjectionRunner#parkedEvents(String)} and {@link ProjectionRunner#replayParked(String)};
     * a replayed event is applied after later events of its stream, so use it where order does not matter.
     */
    PARK
}
