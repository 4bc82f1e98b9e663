package bank;

import dev.stele.annotation.Aggregate;
import dev.stele.annotation.Initial;

@Aggregate(category = "bank account")
public record Account(String id) {
    @Initial
    static Account initial(String id) {
        return new Account(id);
    }
}
