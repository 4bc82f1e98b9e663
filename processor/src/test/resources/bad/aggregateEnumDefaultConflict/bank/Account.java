package bank;

import dev.stele.annotation.Aggregate;
import dev.stele.annotation.Default;
import dev.stele.annotation.Initial;

@Aggregate(category = "account")
public record Account(String id, @Default("OPEN") Status status, @Default("CLOSED") Status previous) {

    public enum Status {
        OPEN,
        CLOSED
    }

    @Initial
    static Account initial(String id) {
        return new Account(id, Status.OPEN, Status.CLOSED);
    }
}
