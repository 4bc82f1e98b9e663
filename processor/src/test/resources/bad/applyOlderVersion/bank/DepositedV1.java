package bank;

import dev.stele.annotation.Event;
import dev.stele.annotation.Upcast;

@Event(name = "Deposited", version = 1)
public record DepositedV1(String accountId, long amount) {
    @Upcast
    static Deposited up(DepositedV1 old) {
        return new Deposited(old.accountId(), old.amount() * 100);
    }
}
