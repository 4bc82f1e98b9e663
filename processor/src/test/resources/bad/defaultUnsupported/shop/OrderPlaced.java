package shop;

import dev.stele.annotation.Default;
import dev.stele.annotation.Event;

@Event(name = "OrderPlaced")
public record OrderPlaced(
        String orderId,
        @Default("{}")
        Address shipTo) {

    public record Address(String street, String city) {
    }
}
