package bank;

import dev.stele.annotation.Apply;

public record Ledger(long total) {
    @Apply
    Ledger on(Deposited event) {
        return new Ledger(total + event.amount());
    }
}
