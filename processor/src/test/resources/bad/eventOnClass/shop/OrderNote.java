package shop;

import dev.stele.annotation.Event;

/** An event must be a record; this one is a class. */
@Event(name = "OrderNote")
public final class OrderNote {
    private final String text;

    public OrderNote(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
