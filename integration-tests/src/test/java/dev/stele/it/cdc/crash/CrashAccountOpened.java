package dev.stele.it.cdc.crash;

import dev.stele.annotation.Event;
import dev.stele.annotation.FromTable;
import dev.stele.annotation.Operation;

/** A row inserted into {@code it_crash_accounts}: its first version. */
@Event(name = "ItCrashAccountOpened")
@FromTable(table = "it_crash_accounts", operations = Operation.INSERT)
public record CrashAccountOpened(long id, long balance, long version) {
}
