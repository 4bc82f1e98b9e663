package dev.stele.it.events;

import dev.stele.annotation.Event;
import dev.stele.annotation.StreamId;
import dev.stele.annotation.Upcast;
import java.time.Instant;

/** The first release: an id and a weight in kilograms. */
@Event(name = "ParcelShipped", version = 1)
record ParcelShippedV1(@StreamId String parcelId, double weightKg) {

    static final Instant UNKNOWN_TIME = Instant.EPOCH;

    @Upcast
    static ParcelShippedV2 toV2(ParcelShippedV1 old) {
        return new ParcelShippedV2(old.parcelId(), old.weightKg(), "unknown", UNKNOWN_TIME);
    }
}
