package com.example.kinds;

/** A record without components, encoded as an empty object. */
public record Marker() {
}
