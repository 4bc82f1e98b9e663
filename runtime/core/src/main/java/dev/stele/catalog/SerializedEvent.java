package dev.stele.catalog;

import java.util.Arrays;
import java.util.Objects;

/**
 * An encoded event with the name and version it was written as.
 *
 * @param name the event name, as in {@code @Event(name = …)}
 * @param version the version the payload was written with
 * @param payload the encoded event; not copied, so do not change it
 */
public record SerializedEvent(String name, int version, byte[] payload) {

    public SerializedEvent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(payload, "payload");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SerializedEvent that && version == that.version && name.equals(that.name)
                && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + version) + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return name + " v" + version + " (" + payload.length + " bytes)";
    }
}
