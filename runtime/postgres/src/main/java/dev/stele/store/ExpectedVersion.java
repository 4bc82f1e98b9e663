package dev.stele.store;

/**
 * What an append expects of the stream's version (its number of events) for optimistic concurrency.
 *
 * <p>{@link #noStream()} and {@link #exactly(long) exactly(0)} mean the same and are {@link #equals equal};
 * each still prints as it was written ({@link #toString()}, and in a {@link ConcurrencyConflictException}'s
 * message), so a conflict points at the call that made it.
 */
public final class ExpectedVersion {

    private static final ExpectedVersion ANY = new ExpectedVersion(-1, false);
    private static final ExpectedVersion NO_STREAM = new ExpectedVersion(0, true);
    private static final ExpectedVersion EXACTLY_ZERO = new ExpectedVersion(0, false);

    private final long version;
    /** Whether it was written {@code noStream()}, not {@code exactly(0)}: same meaning, another name. */
    private final boolean writtenNoStream;

    private ExpectedVersion(long version, boolean writtenNoStream) {
        this.version = version;
        this.writtenNoStream = writtenNoStream;
    }

    /** Append whatever the stream's version is. */
    public static ExpectedVersion any() {
        return ANY;
    }

    /** Append only if the stream has no event yet. */
    public static ExpectedVersion noStream() {
        return NO_STREAM;
    }

    /** Append only if the stream has exactly {@code version} events; 0 means no stream, as {@link #noStream()}. */
    public static ExpectedVersion exactly(long version) {
        if (version < 0) {
            throw new IllegalArgumentException("a stream version is 0 or more, got " + version);
        }
        return version == 0 ? EXACTLY_ZERO : new ExpectedVersion(version, false);
    }

    public boolean isAny() {
        return version < 0;
    }

    /** Whether the append expects no event yet: {@link #noStream()} or {@code exactly(0)}. */
    public boolean isNoStream() {
        return version == 0;
    }

    /** The expected number of events; only when neither {@link #isAny()}. */
    public long version() {
        return version;
    }

    /** What the append expected, in words: {@code any version}, {@code no stream}, {@code version 3}. */
    String described() {
        return isAny() ? "any version" : writtenNoStream ? "no stream" : "version " + version;
    }

    /** Equal when they mean the same: {@code noStream()} equals {@code exactly(0)}. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ExpectedVersion that && version == that.version;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(version);
    }

    /** As written: {@code any}, {@code noStream}, {@code exactly(0)}, {@code exactly(3)}. */
    @Override
    public String toString() {
        return isAny() ? "any" : writtenNoStream ? "noStream" : "exactly(" + version + ")";
    }
}
