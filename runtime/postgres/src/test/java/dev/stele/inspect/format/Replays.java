package dev.stele.inspect.format;

import dev.stele.inspect.Replay;
import dev.stele.inspect.ReplayedEvent;
import dev.stele.store.StreamId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Replays built by hand, as the inspector builds them from a database. */
final class Replays {

    record Deposited(String account, long amountMinor) {
    }

    static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    private Replays() {
    }

    static ReplayedEvent event(long version, String name, int stored, int latest, String correlation, String causation,
            String json, String state) {
        return new ReplayedEvent(version, name, stored, latest, T0.plusSeconds(version),
                new UUID(0, version), 100 + version, correlation, causation, new Deposited("a-1", version),
                json, Optional.ofNullable(state), Optional.ofNullable(state));
    }

    /** Two events of one request and one of none, without states. */
    static Replay plain() {
        return new Replay(StreamId.of("parcel", "p-1"), 1, 3, Optional.empty(), Optional.empty(), List.of(
                event(1, "ParcelShipped", 1, 3, "req-1", null, "{\"parcelId\":\"p-1\",\"weightGrams\":1500}", null),
                event(2, "ParcelShipped", 3, 3, "req-1", "cmd-9", "{\"parcelId\":\"p-1\",\"weightGrams\":700}", null),
                event(3, "ParcelShipped", 2, 3, null, null, "{\"parcelId\":\"p-1\",\"weightGrams\":20}", null)));
    }

    /** An aggregate's stream, replayed from version 2. */
    static Replay withStates() {
        return new Replay(StreamId.of("account", "a-1"), 2, 3, Optional.of("Account"),
                Optional.of("{\"owner\":\"Ann\",\"balanceMinor\":0}"), List.of(
                        event(2, "MoneyDeposited", 1, 1, "req-2", null, "{\"amountMinor\":500}",
                                "{\"owner\":\"Ann\",\"balanceMinor\":500}"),
                        event(3, "MoneyWithdrawn", 1, 1, "req-3", null, "{\"amountMinor\":200}",
                                "{\"owner\":\"Ann\",\"balanceMinor\":300}")));
    }

    /** Values chosen to break a careless diagram: statement breaks, entity codes, HTML, comments, line breaks. */
    static Replay hostile(boolean states) {
        String nasty = "x;y#59;<b>\"q\"\n%%z";
        return new Replay(StreamId.of("cat;egory", "id#1<br>"), 1, 1, states ? Optional.of("S") : Optional.empty(),
                states ? Optional.of(nasty) : Optional.empty(), List.of(event(1, "Ev;ent#", 1, 1, "%% " + nasty, null,
                        "{\"v\":\"" + nasty.replace("\n", "\\n").replace("\"", "\\\"") + "\"}",
                        states ? nasty + "x".repeat(300) : null)));
    }
}
