package dev.stele.it.events;

import dev.stele.annotation.Default;
import dev.stele.annotation.Event;
import dev.stele.annotation.StreamId;
import java.time.Instant;

/** The latest version of a three-version event: v1 -> v2 -> v3. */
@Event(name = "ParcelShipped", version = 3)
public record ParcelShipped(@StreamId String parcelId, long weightGrams, String carrier, Instant shippedAt,
        @Default("false") boolean insured) {
}
