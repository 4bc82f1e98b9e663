package dev.stele.catalog.internal;

import java.util.Map;

/**
 * Registered events by the CRC-64-AVRO fingerprint of their schema, for the lookup every Avro decode
 * makes: open addressing over the fingerprint's own bits, which are already well mixed, and no boxing of
 * the key.
 */
final class FingerprintIndex {

    private final long[] keys;
    private final RegisteredEvent<?>[] values;
    private final int mask;

    FingerprintIndex(Map<Long, RegisteredEvent<?>> events) {
        int capacity = Integer.highestOneBit(Math.max(2, events.size()) * 2 - 1) * 2; // at most half full
        keys = new long[capacity];
        values = new RegisteredEvent<?>[capacity];
        mask = capacity - 1;
        events.forEach((fingerprint, event) -> {
            int slot = slot(fingerprint);
            while (values[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = fingerprint;
            values[slot] = event;
        });
    }

    /** The event whose schema has {@code fingerprint}, or null. */
    RegisteredEvent<?> get(long fingerprint) {
        for (int slot = slot(fingerprint); values[slot] != null; slot = (slot + 1) & mask) {
            if (keys[slot] == fingerprint) {
                return values[slot];
            }
        }
        return null;
    }

    private int slot(long fingerprint) {
        return (int) (fingerprint ^ (fingerprint >>> 32)) & mask;
    }
}
