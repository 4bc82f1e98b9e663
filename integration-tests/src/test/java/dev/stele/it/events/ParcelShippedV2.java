package dev.stele.it.events;

import dev.stele.annotation.Event;
import dev.stele.annotation.StreamId;
import dev.stele.annotation.Upcast;
import java.time.Instant;

/** Version 2 added the carrier and the time; weights were still in kilograms. */
@Event(name = "ParcelShipped", version = 2)
record ParcelShippedV2(@StreamId String parcelId, double weightKg, String carrier, Instant shippedAt) {

    @Upcast
    static ParcelShipped toV3(ParcelShippedV2 old) {
        return new ParcelShipped(old.parcelId(), Math.round(old.weightKg() * 1000), old.carrier(), old.shippedAt(),
                false);
    }
}
