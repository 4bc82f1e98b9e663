package com.acme.greeting.internal;

/** Replaces 1.0.0's internal Punctuation: internal packages are not API. */
public final class Salutation {

    private Salutation() {
    }

    public static String of(String greeting, String name) {
        return greeting + ", " + name + "!";
    }
}
