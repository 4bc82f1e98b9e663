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
 *
 * <p>A change of a {@code @FromTable} table reaches a projection through the same slot, in commit order with
 * the stored events and with the same guarantee. It is not in the store, so its context says where it comes from
 * instead: its stream category is the table ({@code public.customers}), its stream id the row's replica identity
 * (its primary key's values, joined by commas), its global position and stream version 0, and its event id is
 * derived from its transaction's commit position and its place among the transaction's changes of mapped
 * tables, so the same change delivered again after a crash has the same id.
 */
public interface EventContext {

    /** The event's position in the store ({@code global_position}); 0 for a change of a {@code @FromTable} table. */
    long globalPosition();

    /** The category of the event's stream, such as {@code order}; a {@code @FromTable} table's name. */
    String streamCategory();

    /** The id of the event's stream within its category, such as {@code o-1001}. */
    String streamId();

    /** The event's version within its stream, from 1; 0 for a change of a {@code @FromTable} table. */
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
