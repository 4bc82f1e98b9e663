package shop;

import dev.stele.annotation.Event;
import java.util.List;

@Event(name = "OrderPlaced")
public record OrderPlaced(
        String orderId,
        List<Marker> markers) {

    public record Marker() {
    }
}
