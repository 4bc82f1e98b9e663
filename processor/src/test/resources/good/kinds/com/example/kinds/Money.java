package com.example.kinds;

public record Money(long minor, String currency) {
}
