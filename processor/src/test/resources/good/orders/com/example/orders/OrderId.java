package com.example.orders;

/** A typed id: encoded as its one value. */
public record OrderId(String value) {
}
