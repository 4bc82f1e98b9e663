package com.acme.contracts;

import dev.stele.annotation.Event;
import dev.stele.annotation.StreamId;
import java.time.Instant;
import java.util.List;

@Event(name = "ParcelShipped", version = 1)
public record ParcelShipped(@StreamId String parcelId, String carrier, Instant shippedAt, List<String> items) {
}
