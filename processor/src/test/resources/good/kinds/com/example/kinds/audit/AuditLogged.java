package com.example.kinds.audit;

import com.example.kinds.Priority;
import dev.stele.annotation.Event;
import dev.stele.annotation.StreamId;
import java.time.Instant;

/** An event in a subpackage: the catalog goes to the packages' common parent. */
@Event(name = "AuditLogged")
public record AuditLogged(@StreamId String actor, String action, Instant at, Priority priority) {
}
