package shop;

import dev.stele.annotation.Handle;
import dev.stele.annotation.Projection;

/** Handles an event that another annotation processor generates: alone, it never resolves. */
@Projection(name = "shipments")
public final class Shipments {

    private int shipped;

    @Handle
    void on(
            OrderShipped event) {
        shipped++;
    }

    public int shipped() {
        return shipped;
    }
}
