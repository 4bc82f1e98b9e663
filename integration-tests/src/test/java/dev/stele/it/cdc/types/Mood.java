package dev.stele.it.cdc.types;

/** The values of the PostgreSQL enum type {@code it_mood}. */
public enum Mood {
    HAPPY, SAD, MEH
}
