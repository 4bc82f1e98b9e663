package dev.stele.it.cdc.agree;

import dev.stele.annotation.Handle;
import dev.stele.annotation.Projection;
import dev.stele.it.cdc.types.EveryTypeRow;
import dev.stele.projection.EventContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps every {@link EveryTypeRow} Stele's slot delivers (inserts, updates and snapshot rows), in arrival order per
 * row id, for a test to read from another thread. Writes nothing to the database.
 */
@Projection(name = "it-every-type-collector")
public final class EveryTypeCollector {

    private final Map<Long, List<EveryTypeRow>> received = new ConcurrentHashMap<>();

    @Handle
    public void on(EveryTypeRow row, EventContext context) {
        received.computeIfAbsent(row.id(), id -> new CopyOnWriteArrayList<>()).add(row);
    }

    /** The records of row {@code id} received so far, oldest first; empty if none. */
    public List<EveryTypeRow> received(long id) {
        return List.copyOf(received.getOrDefault(id, List.of()));
    }
}
