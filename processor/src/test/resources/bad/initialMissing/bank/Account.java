package bank;

import dev.stele.annotation.Aggregate;

@Aggregate(category = "account")
public record Account(String id, long balance) {
}
