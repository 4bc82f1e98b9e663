package dev.stele.projection;

import java.sql.Connection;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where an event a projection handles comes from, and the transaction its writes must use.
 *
 * <p>{@link #connection()} is the connection of the transaction in which the runtime also records the
 * projection's checkpoint: write the read model through it, and do not commit, roll back or close it.
 * Everything written there is applied exactly once; anything done elsewhere (another connection, a
 * message sent) may be repeated after a crash and should be de-duplicated by {@link #eventId()}.
 */
public interface EventContext {

    /** The event's position in the store ({@code global_position}). */
    long globalPosition();

    /** The category of the event's stream, such as {@code order}. */
    String streamCategory();

    /** The id of the event's stream within its category, such as {@code o-1001}. */
    String streamId();

    /** The event's version within its stream, from 1. */
    long streamVersion();

    /** The event's unique id: the key for de-duplicating effects outside the database. */
    UUID eventId();

    /** The event's name as stored. */
    String eventName();

    /** The version of the event as it was stored, before it was upcast to the latest. */
    int storedVersion();

    /** The correlation id the event was appended with, if any. */
    Optional<String> correlationId();

    /** The causation id the event was appended with, if any. */
    Optional<String> causationId();

    /** The headers the event was appended with. */
    Map<String, String> headers();

    /**
     * The log position at which the event's transaction committed; {@link Lsn#NONE} for an event read
     * from the events table while the projection catches up.
     */
    Lsn commitLsn();

    /**
     * When the event's transaction committed; for an event read from the events table while the
     * projection catches up, when it was recorded (the time of its insert, just before the commit).
     */
    Instant commitTime();

    /**
     * The connection of the transaction that commits the projection's writes with its checkpoint. Do not
     * commit, roll back, close it or change its auto-commit.
     */
    Connection connection();
}
