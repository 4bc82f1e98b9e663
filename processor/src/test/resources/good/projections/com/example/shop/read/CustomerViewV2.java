package com.example.shop.read;

import com.example.shop.OrderPlaced;
import dev.stele.annotation.Handle;
import dev.stele.annotation.Projection;
import java.util.HashMap;
import java.util.Map;

/**
 * The next version of {@link CustomerView}, kept next to it while it rebuilds: the same name, another
 * version.
 */
@Projection(name = "customer-view", version = 2)
public final class CustomerViewV2 {

    private final Map<String, Long> ordersPlaced = new HashMap<>();

    @Handle
    void on(OrderPlaced event) {
        ordersPlaced.merge(event.customerId(), 1L, Long::sum);
    }

    public long ordersPlaced(String customerId) {
        return ordersPlaced.getOrDefault(customerId, 0L);
    }
}
