package dev.stele.maven.inspect;

import dev.stele.inspect.Inspector;
import dev.stele.inspect.Replay;
import dev.stele.inspect.format.ReplayJson;
import dev.stele.inspect.format.ReplayMermaid;
import dev.stele.inspect.format.ReplayText;
import dev.stele.store.StreamId;
import java.util.Locale;

/** {@code stele:replay}: a stream's events, typed and upcast, as a table, JSON lines or a Mermaid diagram. */
public final class ReplayReport {

    /** The output formats. */
    public enum Format {
        TABLE, JSONL, MERMAID;

        public static Format parse(String value) throws GoalFailure {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new GoalFailure("Unknown replay format '" + value + "': use -Dstele.format=table, jsonl or"
                        + " mermaid.");
            }
        }
    }

    private ReplayReport() {
    }

    public static String text(Inspector inspector, StreamId stream, long fromVersion, int limit, Format format) {
        Replay replay = inspector.replay(stream, fromVersion, limit);
        return switch (format) {
            case TABLE -> ReplayText.table(replay);
            case JSONL -> ReplayJson.lines(replay);
            case MERMAID -> ReplayMermaid.diagram(replay);
        };
    }

    /** Checks the range before any connection is made. */
    public static void checkRange(long fromVersion, int limit) throws GoalFailure {
        if (fromVersion < 1) {
            throw new GoalFailure("-Dstele.from must be 1 or more (the first event is version 1), got " + fromVersion
                    + ".");
        }
        if (limit < 1) {
            throw new GoalFailure("-Dstele.limit must be 1 or more, got " + limit + ".");
        }
    }
}
