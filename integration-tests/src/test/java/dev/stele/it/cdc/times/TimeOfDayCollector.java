package dev.stele.it.cdc.times;

import dev.stele.annotation.Handle;
import dev.stele.annotation.Projection;
import dev.stele.projection.EventContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps each {@link TimeOfDay} it receives through the slot, by id. */
@Projection(name = "it-time-of-day")
public final class TimeOfDayCollector {

    public final Map<Long, TimeOfDay> received = new ConcurrentHashMap<>();

    @Handle
    public void on(TimeOfDay row, EventContext context) {
        received.put(row.id(), row);
    }
}
