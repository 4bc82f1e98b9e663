package com.example.kinds;

public enum Priority {
    LOW,
    NORMAL,
    HIGH
}
