package bank;

import dev.stele.annotation.Aggregate;
import dev.stele.annotation.Initial;

@Aggregate(category = "account")
public record Account(String id, long balance) {
    @Initial
    Account initial(String id) {
        return new Account(id, 0);
    }
}
