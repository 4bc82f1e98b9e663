package com.example.kinds;

import dev.stele.annotation.Event;
import dev.stele.annotation.StreamId;
import dev.stele.annotation.Upcast;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@Event(name = "EverythingHappened", version = 2)
public record EverythingHappenedV2(@StreamId Sku sku, long total, List<Parcel> parcels) {

    @Upcast
    public static EverythingHappened toV3(EverythingHappenedV2 old) {
        return new EverythingHappened(old.sku(), false, 0, old.total(), 0f, 0d, null, null, null, null, null, "",
                Instant.EPOCH, LocalDate.EPOCH, LocalDateTime.of(LocalDate.EPOCH, java.time.LocalTime.MIDNIGHT),
                new UUID(0, 0), BigDecimal.ZERO.setScale(6), new byte[0], Priority.NORMAL, Optional.empty(), null,
                null, List.of(), Set.of(), Map.of(), List.of(), Map.of("main", old.parcels()), List.of(), List.of(),
                old.parcels().isEmpty() ? null : old.parcels().get(0), Optional.empty(), Optional.empty(),
                new Marker(), false, 3, -1, 0.5f, 2.5, "n/a", Instant.EPOCH, LocalDate.EPOCH,
                LocalDateTime.of(LocalDate.EPOCH, java.time.LocalTime.MIDNIGHT), new UUID(0, 0),
                new BigDecimal("12.50"), new byte[0], Speed.FAST, List.of(), Map.of(), new Sku("SKU-0"),
                Optional.empty(), "", "", "", "", "", "", "", "", 0);
    }
}
