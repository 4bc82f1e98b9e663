package dev.stele.demo.orders;

/** How an order ships; added in version 3 of {@link OrderPlaced}. */
public enum Shipping {
    STANDARD,
    EXPRESS
}
