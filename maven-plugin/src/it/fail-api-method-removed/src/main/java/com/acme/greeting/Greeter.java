package com.acme.greeting;

/** greet(String) is gone: code compiled against 1.0.0 would fail with NoSuchMethodError. */
public final class Greeter {

    public String welcome(String name) {
        return "Welcome, " + name;
    }
}
