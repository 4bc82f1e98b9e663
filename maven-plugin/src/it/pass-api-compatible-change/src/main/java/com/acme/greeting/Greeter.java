package com.acme.greeting;

import com.acme.greeting.internal.Salutation;

/** Adds a method; greet(String) stays. */
public final class Greeter {

    public String greet(String name) {
        return Salutation.of("Hello", name);
    }

    public String greetFormally(String name) {
        return Salutation.of("Good day", name);
    }
}
