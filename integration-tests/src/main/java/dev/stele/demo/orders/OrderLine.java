package dev.stele.demo.orders;

/** One line of an order; money in minor units. */
public record OrderLine(String sku, String title, int quantity, long unitPriceMinor) {
}
