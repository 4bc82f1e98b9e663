package dev.stele.store;

import java.util.List;

/**
 * What an append wrote.
 *
 * @param nextExpectedVersion the stream's version after the append: pass it as the next expected version
 * @param positions the events' positions, in the order given
 * @param alreadyAppended true if every event id was appended before (an idempotent retry): nothing was
 *     written and the original positions are returned
 */
public record AppendResult(StreamId stream, long nextExpectedVersion, List<Position> positions,
        boolean alreadyAppended) {

    public AppendResult {
        positions = List.copyOf(positions);
    }
}
