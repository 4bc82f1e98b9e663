package com.example.kinds;

import java.util.List;

public record Parcel(Sku sku, Quantity quantity, Address to, List<Money> charges) {
}
