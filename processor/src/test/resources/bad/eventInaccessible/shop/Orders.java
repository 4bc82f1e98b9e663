package shop;

import dev.stele.annotation.Event;

public final class Orders {

    private Orders() {
    }

    @Event(name = "OrderPlaced")
    private record OrderPlaced(String orderId) {
    }
}
