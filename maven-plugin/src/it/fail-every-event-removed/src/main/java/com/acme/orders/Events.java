package com.acme.orders;

/** The events moved elsewhere; nothing here is an @Event any more. */
final class Events {
    private Events() {
    }
}
