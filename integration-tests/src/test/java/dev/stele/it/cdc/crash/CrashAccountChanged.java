package dev.stele.it.cdc.crash;

import dev.stele.annotation.Event;
import dev.stele.annotation.FromTable;
import dev.stele.annotation.Operation;

/** A row of {@code it_crash_accounts} updated: the new row, whose version is one more than the old one's. */
@Event(name = "ItCrashAccountChanged")
@FromTable(table = "it_crash_accounts", operations = Operation.UPDATE)
public record CrashAccountChanged(long id, long balance, long version) {
}
