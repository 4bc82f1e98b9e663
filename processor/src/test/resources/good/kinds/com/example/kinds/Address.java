package com.example.kinds;

import java.util.Optional;

public record Address(String street, @Nullable String city, Optional<String> zip) {
}
