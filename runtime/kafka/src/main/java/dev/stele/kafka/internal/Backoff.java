package dev.stele.kafka.internal;

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

    /** The delay before attempt {@code attempt + 1}, for {@code attempt} from 1. */
    long delayMillis(int attempt) {
        long bound = Math.min(maxMillis, firstMillis << Math.min(Math.max(attempt, 1) - 1, 20));
        return bound / 2 + ThreadLocalRandom.current().nextLong(bound / 2 + 1);
    }

    void sleep(int attempt) throws InterruptedException {
        Thread.sleep(delayMillis(attempt));
    }
}
