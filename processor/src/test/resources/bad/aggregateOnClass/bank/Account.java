package bank;

import dev.stele.annotation.Aggregate;

@Aggregate(category = "account")
public class Account {
}
