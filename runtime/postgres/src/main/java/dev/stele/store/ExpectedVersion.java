package dev.stele.store;

/**
 * What an append expects of the stream's version (its number of events) for optimistic concurrency.
 */
public final class ExpectedVersion {

    private static final ExpectedVersion ANY = new ExpectedVersion(-1);
    private static final ExpectedVersion NO_STREAM = new ExpectedVersion(0);

    private final long version;

    private ExpectedVersion(long version) {
        this.version = version;
    }

    /** Append whatever the stream's version is. */
    public static ExpectedVersion any() {
        return ANY;
    }

    /** Append only if the stream has no event yet. */
    public static ExpectedVersion noStream() {
        return NO_STREAM;
    }

    /** Append only if the stream has exactly {@code version} events; 0 means no stream. */
    public static ExpectedVersion exactly(long version) {
        if (version < 0) {
            throw new IllegalArgumentException("a stream version is 0 or more, got " + version);
        }
        return version == 0 ? NO_STREAM : new ExpectedVersion(version);
    }

    public boolean isAny() {
        return version < 0;
    }

    public boolean isNoStream() {
        return version == 0;
    }

    /** The expected number of events; only when neither {@link #isAny()}. */
    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExpectedVersion that && version == that.version;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(version);
    }

    @Override
    public String toString() {
        return isAny() ? "any" : isNoStream() ? "no stream" : String.valueOf(version);
    }
}
