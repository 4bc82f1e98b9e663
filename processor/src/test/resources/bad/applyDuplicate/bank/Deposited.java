package bank;

import dev.stele.annotation.Event;

@Event(name = "Deposited")
public record Deposited(String accountId, long amount) {
}
