package com.example.shop.billing;

import dev.stele.annotation.Event;
import dev.stele.annotation.StreamId;
import dev.stele.annotation.Upcast;

@Event(name = "InvoiceSent", version = 1)
public record InvoiceSentV1(@StreamId String invoiceId, long amountMinor) {

    @Upcast
    static InvoiceSent toV2(InvoiceSentV1 old) {
        return new InvoiceSent(old.invoiceId(), "unknown", old.amountMinor());
    }
}
