package dev.stele.it.rebuild;

import dev.stele.annotation.Handle;
import dev.stele.annotation.Projection;
import dev.stele.it.events.AccountOpened;
import dev.stele.it.events.MoneyDeposited;
import dev.stele.it.events.MoneyWithdrawn;
import dev.stele.it.projection.AccountBalances;
import dev.stele.projection.EventContext;
import java.sql.SQLException;

/**
 * Version 2 of the {@code balances} projection, as a team writes it next to version 1 for a blue/green rebuild:
 * the same name, a higher version, tables of its own. Its rows are those of {@link AccountBalances}, so that both
 * versions can be compared with one clean rebuild.
 */
@Projection(name = "balances", version = 2)
public final class AccountBalancesV2 {

    private final AccountBalances rows;

    public AccountBalancesV2(String schema, String table) {
        this.rows = new AccountBalances(schema, table);
    }

    @Handle
    public void on(AccountOpened event, EventContext context) throws SQLException {
        rows.on(event, context);
    }

    @Handle
    public void on(MoneyDeposited event, EventContext context) throws SQLException {
        rows.on(event, context);
    }

    @Handle
    public void on(MoneyWithdrawn event, EventContext context) throws SQLException {
        rows.on(event, context);
    }
}
