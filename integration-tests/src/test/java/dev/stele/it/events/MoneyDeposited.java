package dev.stele.it.events;

import dev.stele.annotation.Event;
import dev.stele.annotation.StreamId;

@Event(name = "MoneyDeposited")
public record MoneyDeposited(@StreamId String accountId, long amountMinor) {
}
