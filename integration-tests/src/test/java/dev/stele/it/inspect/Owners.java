package dev.stele.it.inspect;

import dev.stele.annotation.Handle;
import dev.stele.annotation.Projection;
import dev.stele.it.events.AccountOpened;
import dev.stele.projection.EventContext;

/** A projection that keeps nothing and, while refusing, refuses an account opened for the owner {@code poison}. */
@Projection(name = "owners")
public final class Owners {

    static final String POISON = "poison";

    private final boolean refusing;

    Owners(boolean refusing) {
        this.refusing = refusing;
    }

    @Handle
    public void on(AccountOpened event, EventContext context) {
        if (refusing && POISON.equals(event.owner())) {
            throw new IllegalStateException("owners refuses account " + event.accountId());
        }
    }
}
