package com.example.kinds;

public record Quantity(int value) {
}
