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

    // written as if the state were mutable: there is nothing to return
    @Apply
    void on(Deposited event) {
        System.out.println("deposited " + event.amount());
    }
}
