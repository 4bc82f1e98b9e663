package dev.stele.maven.check;

import dev.stele.maven.schema.EventKey;

/** A released event version removed on purpose: no stored event of it remains, for the reason given. */
public record RetiredEvent(String event, int version, String reason) {

    boolean matches(EventKey key) {
        return event.equals(key.name()) && version == key.version();
    }
}
