package dev.stele.inspect;

import java.time.Instant;

/** One stream category: its streams, their events, and when the first and the last were recorded. */
public record CategorySummary(String category, long streams, long events, Instant firstRecordedAt,
        Instant lastRecordedAt) {

    @Override
    public String toString() {
        return category + ": " + streams + " stream" + (streams == 1 ? "" : "s") + ", " + events + " event"
                + (events == 1 ? "" : "s") + ", first " + firstRecordedAt + ", last " + lastRecordedAt;
    }
}
