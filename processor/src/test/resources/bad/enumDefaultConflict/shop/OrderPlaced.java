package shop;

import dev.stele.annotation.Default;
import dev.stele.annotation.Event;

@Event(name = "OrderPlaced")
public record OrderPlaced(
        String orderId,
        @Default("STANDARD") Shipping shipping,
        @Default("EXPRESS") Shipping returnShipping) {

    public enum Shipping {
        STANDARD,
        EXPRESS
    }
}
