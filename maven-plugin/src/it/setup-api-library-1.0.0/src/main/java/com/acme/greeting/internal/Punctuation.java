package com.acme.greeting.internal;

/** Not API: the library may change it at will. */
public final class Punctuation {

    public static final String END = "!";

    private Punctuation() {
    }
}
