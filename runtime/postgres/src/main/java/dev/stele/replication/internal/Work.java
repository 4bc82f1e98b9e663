package dev.stele.replication.internal;

import dev.stele.projection.Lsn;
import java.time.Instant;

/** What the slot reader hands a partition worker, in commit order. */
public sealed interface Work {

    /** An event of the source transaction being delivered. */
    record Change(SourceEvent event) implements Work {
    }

    /** The source transaction whose changes came before ends; {@code endLsn} is what may be confirmed. */
    record Commit(Lsn commitLsn, Lsn endLsn, Instant commitTime) implements Work {
    }

    /** Everything committed before {@code lsn} has been handed over: the checkpoint may move there. */
    record Tick(Lsn lsn) implements Work {
    }
}
