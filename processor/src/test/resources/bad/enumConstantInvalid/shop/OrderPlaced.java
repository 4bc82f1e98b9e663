package shop;

import dev.stele.annotation.Event;

@Event(name = "OrderPlaced")
public record OrderPlaced(
        String orderId,
        Size size) {

    public enum Size {
        SMALL,
        LARGE,
        $HUGE
    }
}
