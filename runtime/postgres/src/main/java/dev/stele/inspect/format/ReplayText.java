package dev.stele.inspect.format;

import dev.stele.inspect.Replay;
import dev.stele.inspect.ReplayedEvent;

/** A {@link Replay} as a plain-text table, one event a row, with the aggregate's state when the replay has it. */
public final class ReplayText {

    private ReplayText() {
    }

    public static String table(Replay replay) {
        boolean states = replay.aggregate().isPresent();
        TextTable table = states
                ? new TextTable("VERSION", "EVENT", "STORED AS", "RECORDED AT", "EVENT ID", "CORRELATION", "CAUSATION",
                        "DATA", "STATE AFTER")
                : new TextTable("VERSION", "EVENT", "STORED AS", "RECORDED AT", "EVENT ID", "CORRELATION", "CAUSATION",
                        "DATA");
        for (ReplayedEvent e : replay.events()) {
            String stored = "v" + e.storedVersion() + (e.upcast() ? " -> v" + e.latestVersion() : "");
            if (states) {
                table.row(e.streamVersion(), e.eventName(), stored, e.recordedAt(), e.eventId(), e.correlationId(),
                        e.causationId(), e.eventJson(), e.stateJson().orElse(null));
            } else {
                table.row(e.streamVersion(), e.eventName(), stored, e.recordedAt(), e.eventId(), e.correlationId(),
                        e.causationId(), e.eventJson());
            }
        }
        String title = replay.stream() + " (version " + replay.streamVersion()
                + replay.aggregate().map(a -> ", aggregate " + a).orElse("") + "), from version "
                + replay.fromVersion() + ", " + replay.events().size() + " event" + (replay.events().size() == 1 ? "" : "s")
                + (replay.truncated() ? ", more after" : "") + "\n";
        return title + table;
    }
}
