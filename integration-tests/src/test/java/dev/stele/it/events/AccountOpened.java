package dev.stele.it.events;

import dev.stele.annotation.Event;
import dev.stele.annotation.StreamId;

@Event(name = "AccountOpened")
public record AccountOpened(@StreamId String accountId, String owner) {
}
