package com.example.shop.read;

import com.example.shop.OrderPlaced;
import com.example.shop.billing.InvoiceSent;
import dev.stele.annotation.Handle;
import dev.stele.annotation.Projection;
import dev.stele.projection.EventContext;
import java.io.IOException;
import java.util.Map;

/**
 * A record as a projection, in a subpackage, with overloaded handlers, one of them named like the
 * generated method and with parameters named like its own.
 */
@Projection(name = "customer-view")
public record CustomerView(Map<String, Long> spentMinor) {

    @Handle
    void handle(OrderPlaced event, EventContext projection) {
        spentMinor.merge(event.customerId(), event.totalMinor(), Long::sum);
    }

    @Handle
    public void handle(InvoiceSent context) throws IOException {
        if (context.amountMinor() < 0) {
            throw new IOException("a negative invoice: " + context.invoiceId());
        }
    }
}
