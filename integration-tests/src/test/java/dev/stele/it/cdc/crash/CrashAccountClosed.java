package dev.stele.it.cdc.crash;

import dev.stele.annotation.Event;
import dev.stele.annotation.FromTable;
import dev.stele.annotation.Operation;

/** A row of {@code it_crash_accounts} deleted: its key. */
@Event(name = "ItCrashAccountClosed")
@FromTable(table = "it_crash_accounts", operations = Operation.DELETE)
public record CrashAccountClosed(long id) {
}
