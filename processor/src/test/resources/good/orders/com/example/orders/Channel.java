package com.example.orders;

/** Where an order was placed. */
public enum Channel {
    WEB,
    MOBILE,
    STORE
}
