package bank;

import dev.stele.annotation.Aggregate;
import dev.stele.annotation.Apply;
import dev.stele.annotation.Initial;

@Aggregate(category = "account")
public record Account(String id, long balance) {
    @Initial
    static Account initial(String id) {
        return new Account(id, 0);
    }

    @Apply
    Account on(DepositedV1 event) {
        return new Account(id, balance + event.amount());
    }
}
