package shop;

import dev.stele.annotation.Event;

@Event(name = "CustomerRegistered", version = 2)
public record CustomerRegistered(long customerId, String email) {
}
