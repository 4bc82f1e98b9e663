package dev.stele.replication.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff, bounded, with equal jitter: a delay drawn between half and all of the bound. */
public final class Backoff {

    private final long firstMillis;
    private final long maxMillis;

    public Backoff(Duration first, Duration max) {
        this.firstMillis = Math.max(1, first.toMillis());
        this.maxMillis = Math.max(firstMillis, max.toMillis());
    }

    /** The longest delay. */
    public long maxMillis() {
        return maxMillis;
    }

    /** The delay before attempt {@code attempt + 1}, for {@code attempt} from 1. */
    public long delayMillis(int attempt) {
        long bound = firstMillis << Math.min(attempt - 1, 20);
        bound = Math.min(maxMillis, bound);
        return bound / 2 + ThreadLocalRandom.current().nextLong(bound / 2 + 1);
    }

    public void sleep(int attempt) throws InterruptedException {
        Thread.sleep(delayMillis(attempt));
    }
}
