package com.example.kinds;

public record Sku(String value) {
}
