package shop;

import dev.stele.annotation.Event;

@Event
public interface OrderNote {
    String text();
}
