package com.acme.greeting;

import com.acme.greeting.internal.Punctuation;

/** Public API: users call it. */
public final class Greeter {

    public String greet(String name) {
        return "Hello, " + name + Punctuation.END;
    }
}
