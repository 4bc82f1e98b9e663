package dev.stele.inspect;

import dev.stele.store.StreamId;
import java.util.List;
import java.util.Optional;

/**
 * A stream's events from a version on, each decoded, upcast to the latest version and, when the stream is an
 * aggregate's, with the state after it.
 *
 * @param aggregate the simple name of the stream category's {@code @Aggregate} record, when the catalog knows one
 * @param initialStateJson the aggregate's state before {@code fromVersion} (its {@code @Initial} state folded
 *     with the events before), as JSON; empty when there is no aggregate
 * @param streamVersion the stream's version now: its last event's
 */
public record Replay(StreamId stream, long fromVersion, long streamVersion, Optional<String> aggregate,
        Optional<String> initialStateJson, List<ReplayedEvent> events) {

    public Replay {
        events = List.copyOf(events);
    }

    /** Whether the replay stopped at its limit before the stream's end. */
    public boolean truncated() {
        return !events.isEmpty() && events.get(events.size() - 1).streamVersion() < streamVersion;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder().append(stream).append(" from version ").append(fromVersion)
                .append(" of ").append(streamVersion).append(aggregate.map(a -> " (aggregate " + a + ")").orElse(""));
        events.forEach(e -> text.append("\n  ").append(e));
        return text.toString();
    }
}
