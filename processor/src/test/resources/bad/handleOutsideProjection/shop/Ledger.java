package shop;

import dev.stele.annotation.Handle;

public final class Ledger {
    @Handle
    void on(OrderPlaced event) {
    }
}
