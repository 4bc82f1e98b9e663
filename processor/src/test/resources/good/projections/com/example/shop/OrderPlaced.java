package com.example.shop;

import dev.stele.annotation.Event;
import dev.stele.annotation.StreamId;

@Event(name = "OrderPlaced")
public record OrderPlaced(@StreamId String orderId, String customerId, long totalMinor) {
}
