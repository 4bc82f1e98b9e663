package dev.stele.it.cdc.types;

import dev.stele.annotation.Event;
import dev.stele.annotation.FromTable;
import dev.stele.annotation.Operation;

/** {@code it_every_type} truncated. */
@Event(name = "ItEveryTypeTruncated")
@FromTable(table = "public.it_every_type", operations = Operation.TRUNCATE)
public record EveryTypeTruncated() {
}
