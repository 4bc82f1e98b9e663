package dev.stele.store;

/**
 * An aggregate's state as loaded or updated.
 *
 * @param version the stream version the state includes: the expected version of the next append
 * @param snapshotVersion the version of the snapshot the load started from; 0 if it replayed every event
 */
public record Loaded<S>(S state, long version, long snapshotVersion) {
}
