package dev.stele.inspect;

import dev.stele.store.StreamId;
import java.time.Instant;

/**
 * One stream: how many events it holds and when the first and the last were recorded.
 *
 * @param version the version of its last event; equal to {@code events}, since versions count from 1 without gaps
 */
public record StreamSummary(StreamId stream, long events, long version, Instant firstRecordedAt,
        Instant lastRecordedAt) {

    @Override
    public String toString() {
        return stream + ": " + events + " event" + (events == 1 ? "" : "s") + ", version " + version + ", first "
                + firstRecordedAt + ", last " + lastRecordedAt;
    }
}
