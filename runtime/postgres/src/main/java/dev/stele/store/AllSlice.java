package dev.stele.store;

import java.util.List;

/**
 * One batch of {@code $all}.
 *
 * @param events in {@code $all} order
 * @param next where to continue: after the last event, or {@code from} if there was none
 */
public record AllSlice(List<RecordedEvent> events, Position next) {

    public AllSlice {
        events = List.copyOf(events);
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }
}
