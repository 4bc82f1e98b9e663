package dev.stele.it.inspect;

import dev.stele.annotation.Handle;
import dev.stele.annotation.Projection;
import dev.stele.it.events.AccountOpened;
import dev.stele.projection.EventContext;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Version 2 of owners: keeps nothing; holds its handler on the account {@code hold} until released. */
@Projection(name = "owners", version = 2)
public final class OwnersV2 {

    static final String HOLD = "hold";

    final CountDownLatch holding = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Handle
    public void on(AccountOpened event, EventContext context) throws InterruptedException {
        if (HOLD.equals(event.accountId())) {
            holding.countDown();
            if (!release.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("owners v2 was not released");
            }
        }
    }
}
