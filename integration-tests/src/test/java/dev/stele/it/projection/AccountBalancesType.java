package dev.stele.it.projection;

import dev.stele.it.events.AccountOpened;
import dev.stele.it.events.MoneyDeposited;
import dev.stele.it.events.MoneyWithdrawn;
import dev.stele.projection.EventContext;
import dev.stele.spi.ProjectionType;
import java.util.Set;

/** The dispatch of {@link AccountBalances}, written as the processor generates it. */
final class AccountBalancesType implements ProjectionType<AccountBalances> {

    private final String name;

    AccountBalancesType(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Class<AccountBalances> projectionClass() {
        return AccountBalances.class;
    }

    @Override
    public Set<String> handledEvents() {
        return Set.of("AccountOpened", "MoneyDeposited", "MoneyWithdrawn");
    }

    @Override
    public void handle(AccountBalances projection, String eventName, Object event, EventContext context)
            throws Exception {
        switch (eventName) {
            case "AccountOpened" -> projection.on((AccountOpened) event, context);
            case "MoneyDeposited" -> projection.on((MoneyDeposited) event, context);
            case "MoneyWithdrawn" -> projection.on((MoneyWithdrawn) event, context);
            default -> {
            }
        }
    }
}
