package dev.stele.it.cdc.times;

import dev.stele.annotation.Column;
import dev.stele.annotation.Event;
import dev.stele.annotation.FromTable;
import dev.stele.annotation.Operation;

/** A row of {@code it_time_of_day}: times of day, read as text. */
@Event(name = "ItTimeOfDay")
@FromTable(table = "public.it_time_of_day", operations = Operation.INSERT)
public record TimeOfDay(long id, String at, @Column("at_milli") String atMilli, @Column("at_zone") String atZone) {
}
