package dev.stele.inspect.format;

import dev.stele.inspect.Replay;
import dev.stele.inspect.ReplayedEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link Replay} as a Mermaid diagram. Without aggregate states, a {@code sequenceDiagram}: one participant per
 * correlation id (the request that caused the events; {@code uncorrelated} for none) sending each event to the
 * stream, in stream order. With states, a {@code stateDiagram-v2}: the state before the replay, then one state per
 * event, each transition labelled with the event.
 *
 * <p>Labels are one line each, at most {@value #MAX_LABEL} characters; characters Mermaid reads as syntax in them
 * ({@code ; # < > "}) are replaced, so a stored value can never break or change the diagram.
 */
public final class ReplayMermaid {

    static final int MAX_LABEL = 120;

    private ReplayMermaid() {
    }

    public static String diagram(Replay replay) {
        return replay.aggregate().isPresent() ? stateDiagram(replay) : sequenceDiagram(replay);
    }

    static String sequenceDiagram(Replay replay) {
        Map<String, String> participants = new LinkedHashMap<>();
        for (ReplayedEvent e : replay.events()) {
            String key = e.correlationId() == null ? "" : e.correlationId();
            participants.computeIfAbsent(key, k -> "c" + (participants.size() + 1));
        }
        StringBuilder text = new StringBuilder("sequenceDiagram\n");
        participants.forEach((correlation, id) -> text.append("    participant ").append(id).append(" as ")
                .append(label(correlation.isEmpty() ? "uncorrelated" : "correlation " + correlation)).append('\n'));
        text.append("    participant stream as ").append(label(replay.stream().toString())).append('\n');
        for (ReplayedEvent e : replay.events()) {
            String from = participants.get(e.correlationId() == null ? "" : e.correlationId());
            text.append("    ").append(from).append("->>stream: ").append(label(event(e))).append('\n');
        }
        return text.toString();
    }

    static String stateDiagram(Replay replay) {
        StringBuilder text = new StringBuilder("stateDiagram-v2\n");
        String first = "s" + (replay.fromVersion() - 1);
        text.append("    ").append(first).append(": ").append(label((replay.fromVersion() == 1 ? "initial "
                : "before v" + replay.fromVersion() + " ") + replay.initialStateJson().orElse(""))).append('\n');
        text.append("    [*] --> ").append(first).append('\n');
        String previous = first;
        for (ReplayedEvent e : replay.events()) {
            String state = "s" + e.streamVersion();
            text.append("    ").append(previous).append(" --> ").append(state).append(": ").append(label(event(e)))
                    .append('\n');
            text.append("    ").append(state).append(": ").append(label(e.stateJson().orElse("-"))).append('\n');
            previous = state;
        }
        return text.toString();
    }

    private static String event(ReplayedEvent e) {
        return "v" + e.streamVersion() + " " + e.eventName() + (e.upcast() ? " (stored v" + e.storedVersion() + ")" : "");
    }

    /** {@code text} made safe as a Mermaid label: one line, no syntax characters, bounded. */
    static String label(String text) {
        StringBuilder safe = new StringBuilder(Math.min(text.length(), MAX_LABEL));
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case ';' -> safe.append(',');
                case '#' -> safe.append("No.");
                case '<' -> safe.append('‹');
                case '>' -> safe.append('›');
                case '"' -> safe.append('\'');
                default -> safe.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        String line = safe.toString().strip();
        if (line.isEmpty()) {
            return "-";
        }
        return line.length() > MAX_LABEL ? line.substring(0, MAX_LABEL - 1) + "…" : line;
    }
}
