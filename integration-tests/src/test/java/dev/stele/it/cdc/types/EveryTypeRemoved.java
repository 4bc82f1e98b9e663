package dev.stele.it.cdc.types;

import dev.stele.annotation.Event;
import dev.stele.annotation.FromTable;
import dev.stele.annotation.Operation;

/** A row of {@code it_every_type} deleted: its key. */
@Event(name = "ItEveryTypeRemoved")
@FromTable(table = "public.it_every_type", operations = Operation.DELETE)
public record EveryTypeRemoved(long id) {
}
