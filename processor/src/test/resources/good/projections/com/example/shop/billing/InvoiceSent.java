package com.example.shop.billing;

import dev.stele.annotation.Event;
import dev.stele.annotation.StreamId;

/** The latest version, in a package of its own: the projections handle it from theirs. */
@Event(name = "InvoiceSent", version = 2)
public record InvoiceSent(@StreamId String invoiceId, String customerId, long amountMinor) {
}
