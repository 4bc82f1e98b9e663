package com.example.kinds;

public enum Speed {
    SLOW,
    FAST
}
