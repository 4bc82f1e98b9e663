package dev.stele.demo.orders;

/** A typed id: encoded as its one value, so the JSON says {@code "orderId": "o-1001"}. */
public record OrderId(String value) {
}
