package shop;

import dev.stele.annotation.Event;

@Event(name = "OrderPlaced")
public record OrderPlaced(
        String orderId,
        Pair<String, Long> firstLine) {

    public record Pair<A, B>(A first, B second) {
    }
}
