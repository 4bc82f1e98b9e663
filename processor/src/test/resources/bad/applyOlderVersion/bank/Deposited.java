package bank;

import dev.stele.annotation.Event;

@Event(name = "Deposited", version = 2)
public record Deposited(String accountId, long amountMinor) {
}
