package dev.stele.it.events;

import dev.stele.annotation.Aggregate;
import dev.stele.annotation.Apply;
import dev.stele.annotation.Initial;
import java.util.List;

/** A bank account: the fold of its stream, snapshotted every ten events. */
@Aggregate(category = "account", snapshotEvery = 10)
public record Account(String id, String owner, long balanceMinor, boolean open) {

    @Initial
    static Account initial(String id) {
        return new Account(id, "", 0, false);
    }

    @Apply
    Account on(AccountOpened event) {
        return new Account(id, event.owner(), balanceMinor, true);
    }

    @Apply
    Account on(MoneyDeposited event) {
        return new Account(id, owner, balanceMinor + event.amountMinor(), open);
    }

    @Apply
    Account on(MoneyWithdrawn event) {
        return new Account(id, owner, balanceMinor - event.amountMinor(), open);
    }

    /** A command: the events a withdrawal causes, or a refusal. */
    public List<Object> withdraw(long amountMinor) {
        if (amountMinor > balanceMinor) {
            throw new IllegalStateException("balance " + balanceMinor + " does not cover " + amountMinor);
        }
        return List.of(new MoneyWithdrawn(id, amountMinor));
    }
}
