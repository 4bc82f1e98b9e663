package dev.stele.catalog;

import dev.stele.SteleException;

/**
 * An older event version that cannot be brought to the latest: no {@code @Upcast} step leads on from
 * it (possible only when catalogs from different modules share an event name), or an
 * {@code @Upcast} method threw.
 */
public class UpcastException extends SteleException {

    private static final long serialVersionUID = 1L;

    private final String eventName;
    private final int fromVersion;
    private final int toVersion;

    public UpcastException(String eventName, int fromVersion, int toVersion, String reason, Throwable cause) {
        super("cannot upcast " + eventName + " v" + fromVersion + " to v" + toVersion + ": " + reason, cause);
        this.eventName = eventName;
        this.fromVersion = fromVersion;
        this.toVersion = toVersion;
    }

    public String eventName() {
        return eventName;
    }

    /** The version the step started from. */
    public int fromVersion() {
        return fromVersion;
    }

    /** The version the step should have reached. */
    public int toVersion() {
        return toVersion;
    }
}
