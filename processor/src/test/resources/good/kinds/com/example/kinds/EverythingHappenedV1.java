package com.example.kinds;

import dev.stele.annotation.Event;
import dev.stele.annotation.StreamId;
import dev.stele.annotation.Upcast;
import java.util.List;

@Event(name = "EverythingHappened")
public record EverythingHappenedV1(@StreamId String sku, long total) {

    @Upcast
    static EverythingHappenedV2 toV2(EverythingHappenedV1 old) {
        return new EverythingHappenedV2(new Sku(old.sku()), old.total(), List.of());
    }
}
