package dev.stele.replication;

import java.time.Duration;
import java.util.Optional;

/**
 * How far a projection's catch-up from the events table has come. The total is counted beside the catch-up, on
 * a connection of its own, so the catch-up does not wait for it: progress is reported once the total is known
 * (the first report may come after some events are applied), and always at the end, where {@code done} equals
 * {@code total}. Whenever reported, the total is exact.
 *
 * @param done events applied so far
 * @param total events the catch-up reads in all (those the projection handles, committed when it began)
 * @param eventsPerSecond the rate since it began
 */
public record CatchUpProgress(String projection, long done, long total, double eventsPerSecond) {

    /** The time left at the current rate, if there is a rate yet. */
    public Optional<Duration> eta() {
        if (eventsPerSecond <= 0) {
            return done >= total ? Optional.of(Duration.ZERO) : Optional.empty();
        }
        return Optional.of(Duration.ofMillis((long) (Math.max(0, total - done) * 1000 / eventsPerSecond)));
    }

    /** Done as a fraction of the total, 1 for an empty catch-up. */
    public double fraction() {
        return total == 0 ? 1 : (double) done / total;
    }

    @Override
    public String toString() {
        return projection + ": " + done + " of " + total + " events, " + Math.round(eventsPerSecond) + "/s"
                + eta().map(eta -> ", " + eta.toSeconds() + " s left").orElse("");
    }
}
