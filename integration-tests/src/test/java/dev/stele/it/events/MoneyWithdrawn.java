package dev.stele.it.events;

import dev.stele.annotation.Event;
import dev.stele.annotation.StreamId;

@Event(name = "MoneyWithdrawn")
public record MoneyWithdrawn(@StreamId String accountId, long amountMinor) {
}
