package dev.stele.store;

/**
 * An aggregate's state as loaded or updated.
 *
 * @param version the stream version the state includes: the expected version of the next append; 0 if
 *     the aggregate has no event yet, and then {@code state} is its {@code @Initial} state
 * @param snapshotVersion the version of the snapshot the load started from; 0 if it replayed every event
 */
public record Loaded<S>(S state, long version, long snapshotVersion) {

    /**
     * Whether the aggregate has at least one event. Loading an aggregate that has none is not an error:
     * it is its {@code @Initial} state at version 0, and this is false.
     */
    public boolean exists() {
        return version > 0;
    }
}
